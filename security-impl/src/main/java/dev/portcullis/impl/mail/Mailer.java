package dev.portcullis.impl.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * PLACEHOLDER (replaced by the mail package): renders a template and queues the message in the
 * persistent outbox.
 */
@ApplicationScoped
public class Mailer {

  /**
   * Renders {@code template} with {@code context} and queues it for {@code recipient}.
   *
   * @param context template variables, e.g. {@code user} (a map with email and username) and links
   *     such as {@code confirmation_link}
   */
  public void send(MailTemplate template, String recipient, Map<String, Object> context) {
    throw new UnsupportedOperationException("mail package not merged yet");
  }
}
