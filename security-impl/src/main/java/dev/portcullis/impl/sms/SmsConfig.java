package dev.portcullis.impl.sms;

import java.util.Optional;

/**
 * How text messages are sent (spec §2.9 {@code SMS_SERVICE}, {@code SMS_SERVICE_CONFIG}) and how
 * phone numbers are read.
 *
 * @param service the sender Portcullis provides ({@code security.sms_service})
 * @param http the provider settings, present exactly when {@code service} is {@link Service#HTTP}
 * @param phoneRegionDefault region of numbers typed without a country code
 */
public record SmsConfig(
    Service service, Optional<HttpSmsSender.Settings> http, String phoneRegionDefault) {

  /** The senders Portcullis ships; an application may replace the bean with its own. */
  public enum Service {
    /** No sender: SMS cannot be an enabled method unless the application supplies a sender. */
    NONE,
    /** A provider's REST API ({@link HttpSmsSender}). */
    HTTP,
    /** The server log, codes included ({@link ConsoleSmsSender}; development only). */
    CONSOLE
  }
}
