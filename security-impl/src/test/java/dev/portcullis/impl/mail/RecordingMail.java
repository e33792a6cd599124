package dev.portcullis.impl.mail;

import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.MailMessage;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * A real {@link Mailer} (real templates and rendering) over an outbox that records its writes
 * instead of touching a database, and a worker that delivers nothing. For unit tests of services
 * that mail.
 */
public final class RecordingMail {

  private final List<String> writes = new ArrayList<>();
  private final Mailer mailer = new Mailer();

  /** A mailer configured from {@code config}. */
  public RecordingMail(Config config) {
    mailer.config = new SecurityConfiguration(config).mail();
    mailer.templates = new MustacheTemplates();
    mailer.texts = new MailTexts(LocaleConfig.english());
    mailer.messages = new Messages(config);
    mailer.outbox = new Outbox();
    mailer.worker = new Worker();
  }

  /** The mailer to hand to the code under test. */
  public Mailer mailer() {
    return mailer;
  }

  /**
   * Every outbox write so far, as {@code "<kind> <recipient>: <subject>"}, where kind is {@code
   * add} (a mail queued for delivery) or {@code rehearse} (written and discarded).
   */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  private final class Outbox extends MailOutbox {
    @Override
    public long add(MailMessage message) {
      writes.add("add " + message.to() + ": " + message.subject());
      return writes.size();
    }

    @Override
    public long rehearse(MailMessage message) {
      writes.add("rehearse " + message.to() + ": " + message.subject());
      return writes.size();
    }
  }

  private static final class Worker extends MailWorker {
    @Override
    public void deliverSoon(long id) {}

    @Override
    public void handOverDiscarded(long discardedId) {}
  }
}
