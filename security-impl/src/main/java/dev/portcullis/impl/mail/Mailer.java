package dev.portcullis.impl.mail;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Flask-Security's {@code send_mail}: renders a template, stores the mail in the persistent outbox
 * and returns; {@link MailWorker} delivers it off the request thread and retries while SMTP is
 * down, so a registration or reset never fails because mail is unavailable.
 *
 * <p>The subject is {@code security.email_subject_<name>} if configured, else the message of the
 * template's subject key ({@code EMAIL_SUBJECT_REGISTER}, ...), which {@code security.msg_<key>}
 * and translated bundles can override. The mail is committed in its own transaction, even if the
 * caller's later rolls back: send mails as the last step of a service call.
 */
@ApplicationScoped
public class Mailer {

  @Inject MailConfig config;
  @Inject MustacheTemplates templates;
  @Inject Messages messages;
  @Inject MailOutbox outbox;
  @Inject MailWorker worker;

  /**
   * Renders {@code template} with {@code context} and queues it for {@code recipient}.
   *
   * @param context template variables, e.g. {@code user} (a map with email and username) and links
   *     such as {@code confirmation_link}
   */
  public void send(MailTemplate template, String recipient, Map<String, Object> context) {
    long id = outbox.add(render(template, recipient, context));
    worker.deliverSoon(id);
  }

  /**
   * Does what {@link #send} does — renders {@code template} and writes the mail to the outbox —
   * then discards it in the same transaction, so nothing is stored or delivered. For decoy requests
   * (generic responses about an unknown account) that must cost what a real one costs.
   */
  public void rehearse(MailTemplate template, String recipient, Map<String, Object> context) {
    outbox.rehearse(render(template, recipient, context));
  }

  /** The mail as it will be sent. */
  MailMessage render(MailTemplate template, String recipient, Map<String, Object> context) {
    String subject = config.subjects().get(template.subjectKey());
    if (subject == null) {
      subject = messages.text(template.subjectKey());
    }
    MustacheTemplates.Bodies bodies =
        templates.render(template, context, config.plaintext(), config.html());
    return new MailMessage(config.sender(), recipient, subject, bodies.text(), bodies.html());
  }
}
