package dev.portcullis.impl.mail;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.logging.Logger;

/**
 * The development backend ({@code mail.backend=console}, Flask-Mailman's console backend): prints
 * every mail, links and tokens included, to the server log at INFO and reports it sent. It is the
 * documented exception to "never log a mail body", so each entry says loudly that it is not for
 * production.
 */
@ApplicationScoped
@Typed(ConsoleMailSender.class)
public class ConsoleMailSender implements MailSender {

  static final String MARKER =
      "PORTCULLIS DEVELOPMENT MAIL BACKEND (mail.backend=console) - do not use in production";

  private static final Logger LOG = Logger.getLogger(ConsoleMailSender.class.getName());

  @Override
  public Delivery send(MailMessage message) {
    LOG.info(() -> format(message));
    return Delivery.SENT;
  }

  static String format(MailMessage message) {
    StringBuilder out = new StringBuilder();
    out.append("\n===== ").append(MARKER).append(" =====\n");
    out.append("From: ").append(message.from()).append('\n');
    out.append("To: ").append(message.to()).append('\n');
    out.append("Subject: ").append(message.subject()).append('\n');
    if (message.textBody() != null) {
      out.append("----- text/plain -----\n").append(message.textBody()).append('\n');
    }
    if (message.htmlBody() != null) {
      out.append("----- text/html -----\n").append(message.htmlBody()).append('\n');
    }
    out.append("===== end of mail =====");
    return out.toString();
  }
}
