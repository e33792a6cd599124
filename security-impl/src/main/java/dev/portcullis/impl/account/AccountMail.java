package dev.portcullis.impl.account;

import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.mail.Mailer;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Queues the account-lifecycle mails with the context Flask-Security's templates get (spec §7.14):
 * {@code user} (email, username) plus the template's links and tokens.
 */
@ApplicationScoped
public class AccountMail {

  private Mailer mailer;

  /** For CDI. */
  protected AccountMail() {}

  @Inject
  AccountMail(Mailer mailer) {
    this.mailer = mailer;
  }

  /**
   * Where a flow's mail about a user goes: {@link #send(MailTemplate, UserRecord, Map) send} for a
   * real account, {@link #rehearse(MailTemplate, UserRecord, Map) rehearse} for a {@link Decoys
   * stand-in}; the flow's code is the same for both.
   */
  @FunctionalInterface
  public interface Delivery {
    /** Queues (or rehearses) {@code template} about {@code user} to the user's address. */
    void deliver(MailTemplate template, UserRecord user, Map<String, Object> extra);
  }

  /** Sends a template about {@code user} to the user's address. */
  public void send(MailTemplate template, UserRecord user, Map<String, Object> extra) {
    send(template, user.email(), user, extra);
  }

  /** Sends a template about {@code user} to another address (e.g. a new email). */
  public void send(
      MailTemplate template, String recipient, UserRecord user, Map<String, Object> extra) {
    mailer.send(template, recipient, context(user, extra));
  }

  /**
   * Does what {@link #send(MailTemplate, UserRecord, Map)} does — render, write the outbox — but
   * discards the mail: for {@link Decoys stand-ins}, whose requests must cost what real ones cost.
   */
  public void rehearse(MailTemplate template, UserRecord user, Map<String, Object> extra) {
    rehearse(template, user.email(), user, extra);
  }

  /** Like {@link #rehearse(MailTemplate, UserRecord, Map)}, to another address. */
  public void rehearse(
      MailTemplate template, String recipient, UserRecord user, Map<String, Object> extra) {
    mailer.rehearse(template, recipient, context(user, extra));
  }

  private static Map<String, Object> context(UserRecord user, Map<String, Object> extra) {
    Map<String, Object> context = new HashMap<>(extra);
    context.put("user", user == null ? Map.of() : userContext(user));
    return context;
  }

  private static Map<String, Object> userContext(UserRecord user) {
    Map<String, Object> values = new HashMap<>();
    values.put("email", user.email());
    if (user.username() != null) {
      values.put("username", user.username());
    }
    return values;
  }
}
