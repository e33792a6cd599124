package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.sms.SmsSenders;
import dev.portcullis.spi.SmsSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Refuses to start unified sign-in with {@code sms} among its methods and nothing to send texts
 * with ({@code security.sms_service=none} and no {@link SmsSender} of the application's own): no
 * one could sign in or set up by text. Checked when the application starts, where the application's
 * own sender bean is known (as two-factor's start-up check).
 */
@ApplicationScoped
public class UnifiedSigninStartup {

  @Inject UnifiedSigninConfig config;
  @Inject Instance<SmsSender> senders;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    check(config, senders.get());
  }

  /** Throws when the configuration cannot work with this sender. */
  static void check(UnifiedSigninConfig config, SmsSender sender) {
    if (config.enabled() && config.enabledMethods().contains("sms") && SmsSenders.isNone(sender)) {
      throw new IllegalStateException(
          "Portcullis configuration: security.us_enabled_methods lists sms, but"
              + " security.sms_service is none: set it to http (with security.sms_http_url and"
              + " the account settings), provide an SmsSender bean, or remove sms");
    }
  }
}
