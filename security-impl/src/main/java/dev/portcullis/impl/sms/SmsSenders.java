package dev.portcullis.impl.sms;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Provides the {@link SmsSender} chosen by {@code security.sms_service} and the {@link
 * PhoneNumbers} of {@code security.phone_region_default}. An application's own sender, an {@code
 * {@literal @}Alternative @Priority(...)} {@link SmsSender} bean, wins over the one produced here.
 *
 * <p>The products are {@link Dependent} (no client proxy) and built once here, so a check such as
 * {@link #isNone} sees the real object.
 */
@ApplicationScoped
public class SmsSenders {

  private SmsConfig config;
  private SmsSender sender;
  private PhoneNumbers phoneNumbers;

  /** For CDI. */
  protected SmsSenders() {}

  @Inject
  SmsSenders(SmsConfig config) {
    this.config = config;
  }

  @PostConstruct
  void build() {
    sender =
        switch (config.service()) {
          case HTTP -> new HttpSmsSender(config.http().orElseThrow());
          case CONSOLE -> new ConsoleSmsSender();
          case NONE -> new NoSmsSender();
        };
    phoneNumbers = new PhoneNumbers(config.phoneRegionDefault());
  }

  @Produces
  @Dependent
  SmsSender sender() {
    return sender;
  }

  @Produces
  @Dependent
  PhoneNumbers phoneNumbers() {
    return phoneNumbers;
  }

  /** The sender of {@code security.sms_service=none}. */
  public static SmsSender none() {
    return new NoSmsSender();
  }

  /** Whether {@code sender} is the stand-in of {@code security.sms_service=none}. */
  public static boolean isNone(SmsSender sender) {
    return sender instanceof NoSmsSender;
  }

  /** {@code security.sms_service=none}: every attempt fails, saying why. */
  static final class NoSmsSender implements SmsSender {
    @Override
    public Delivery send(String to, String text) {
      return Delivery.failed("no SMS sender: set security.sms_service or provide an SmsSender");
    }
  }
}
