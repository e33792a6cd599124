package dev.portcullis.impl.mail;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Flask-Security's {@code send_mail}: renders a template, stores the mail in the persistent outbox
 * and returns; {@link MailWorker} delivers it off the request thread and retries while SMTP is
 * down, so a registration or reset never fails because mail is unavailable.
 *
 * <p>A mail is written in the language of the request that causes it ({@link Messages#locale()}),
 * so a German browser that registers gets a German welcome. The subject is {@code
 * security.email_subject_<name>} if configured (one text for every language), else the message of
 * the template's subject key ({@code EMAIL_SUBJECT_REGISTER}, ...) in that language. The bodies'
 * prose comes from {@link MailTexts}; besides the caller's variables a template gets {@code text}
 * (those texts), {@code subject} and {@code lang} (the language tag).
 *
 * <p>The mail is committed in its own transaction, even if the caller's later rolls back: send
 * mails as the last step of a service call.
 */
@ApplicationScoped
public class Mailer {

  @Inject MailConfig config;
  @Inject MustacheTemplates templates;
  @Inject MailTexts texts;
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
   * Does what {@link #send} does — renders {@code template}, writes the mail to the outbox and
   * hands it to the worker — but discards it in the writing transaction, so nothing is stored or
   * delivered: the worker's claim finds no row ({@link MailWorker#handOverDiscarded}). For decoy
   * requests (generic responses about an unknown account) that must cost what a real one costs.
   */
  public void rehearse(MailTemplate template, String recipient, Map<String, Object> context) {
    worker.handOverDiscarded(outbox.rehearse(render(template, recipient, context)));
  }

  /** The mail as it will be sent. */
  MailMessage render(MailTemplate template, String recipient, Map<String, Object> context) {
    Locale locale = messages.locale();
    String subject = config.subjects().get(template.subjectKey());
    if (subject == null) {
      subject = messages.text(template.subjectKey(), Map.of(), locale);
    }
    Map<String, Object> full = new HashMap<>(context);
    full.put("text", texts.texts(template, locale, placeholderValues(context)));
    full.put("subject", subject);
    full.put("lang", locale.toLanguageTag());
    MustacheTemplates.Bodies bodies =
        templates.render(template, full, config.plaintext(), config.html());
    return new MailMessage(config.sender(), recipient, subject, bodies.text(), bodies.html());
  }

  /**
   * What the texts' {@code %(name)s} placeholders can show: the {@code user} map's entries ({@code
   * email}, {@code username}), replaced by the context's own plain values of the same name.
   */
  private static Map<String, Object> placeholderValues(Map<String, Object> context) {
    Map<String, Object> values = new HashMap<>();
    if (context.get("user") instanceof Map<?, ?> user) {
      user.forEach((name, value) -> values.put(String.valueOf(name), value));
    }
    context.forEach(
        (name, value) -> {
          if (value instanceof CharSequence || value instanceof Number) {
            values.put(name, value);
          }
        });
    return values;
  }
}
