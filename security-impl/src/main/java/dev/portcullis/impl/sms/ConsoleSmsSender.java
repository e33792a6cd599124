package dev.portcullis.impl.sms;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import java.util.logging.Logger;

/**
 * The development sender ({@code security.sms_service=console}): prints every text message, code
 * included, to the server log and reports it sent, as {@code mail.backend=console} does for mail.
 * It is the documented exception to "never log a code", so each entry says loudly that it is not
 * for production.
 */
public final class ConsoleSmsSender implements SmsSender {

  static final String MARKER =
      "PORTCULLIS DEVELOPMENT SMS SENDER (security.sms_service=console) - do not use in production";

  private static final Logger LOG = Logger.getLogger(ConsoleSmsSender.class.getName());

  @Override
  public Delivery send(String to, String text) {
    LOG.info(
        () -> "\n===== " + MARKER + " =====\nTo: " + to + "\n" + text + "\n===== end of SMS =====");
    return Delivery.SENT;
  }
}
