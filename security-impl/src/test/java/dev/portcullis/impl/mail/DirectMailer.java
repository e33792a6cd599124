package dev.portcullis.impl.mail;

import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.MailSender;
import java.util.Map;

/**
 * A {@link Mailer} for service tests without a container: renders with the real templates and
 * subjects, then hands the message straight to a {@link MailSender} (typically the test kit's
 * {@code RecordingMailSender}) instead of the persistent outbox and its worker thread. As with the
 * outbox, a failed delivery never fails the caller.
 */
public final class DirectMailer extends Mailer {

  private final MailSender sender;

  private DirectMailer(MailConfig config, Messages messages, MailSender sender) {
    this.config = config;
    this.templates = new MustacheTemplates();
    this.texts = new MailTexts(LocaleConfig.english());
    this.messages = messages;
    this.sender = sender;
  }

  /** A mailer rendering with {@code config} and {@code messages}, delivering to {@code sender}. */
  public static Mailer over(MailConfig config, Messages messages, MailSender sender) {
    return new DirectMailer(config, messages, sender);
  }

  @Override
  public void send(MailTemplate template, String recipient, Map<String, Object> context) {
    sender.send(render(template, recipient, context));
  }

  /** Renders, as a rehearsal does, and delivers nothing. */
  @Override
  public void rehearse(MailTemplate template, String recipient, Map<String, Object> context) {
    render(template, recipient, context);
  }
}
