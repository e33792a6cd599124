package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.sms.SmsSenders;
import dev.portcullis.spi.SmsSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Refuses to start two-factor with {@code sms} among its methods and nothing to send texts with
 * ({@code security.sms_service=none} and no {@link SmsSender} of the application's own): every SMS
 * user would be locked out at the first sign-in. Checked when the application starts, where the
 * application's own sender bean is known.
 */
@ApplicationScoped
public class TwoFactorStartup {

  @Inject TwoFactorConfig config;
  @Inject Instance<SmsSender> senders;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (config.enabled()
        && config.enabledMethods().contains("sms")
        && SmsSenders.isNone(senders.get())) {
      throw new IllegalStateException(
          "Portcullis configuration: security.two_factor_enabled_methods lists sms, but"
              + " security.sms_service is none: set it to http (with security.sms_http_url and"
              + " the account settings), provide an SmsSender bean, or remove sms");
    }
  }
}
