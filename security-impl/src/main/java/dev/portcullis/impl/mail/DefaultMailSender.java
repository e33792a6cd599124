package dev.portcullis.impl.mail;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The default {@link MailSender}: {@link SmtpMailSender} or, with {@code mail.backend=console},
 * {@link ConsoleMailSender}. An application replaces it with its own
 * {@code @Alternative @Priority(...)} {@code MailSender} bean.
 */
@ApplicationScoped
public class DefaultMailSender implements MailSender {

  @Inject MailConfig config;
  @Inject SmtpMailSender smtp;
  @Inject ConsoleMailSender console;

  @Override
  public Delivery send(MailMessage message) {
    return config.backend() == MailConfig.MailBackend.CONSOLE
        ? console.send(message)
        : smtp.send(message);
  }
}
