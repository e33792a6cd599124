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

  /** Sends a template about {@code user} to the user's address. */
  public void send(MailTemplate template, UserRecord user, Map<String, Object> extra) {
    send(template, user.email(), user, extra);
  }

  /** Sends a template about {@code user} to another address (e.g. a new email). */
  public void send(
      MailTemplate template, String recipient, UserRecord user, Map<String, Object> extra) {
    Map<String, Object> context = new HashMap<>(extra);
    context.put("user", user == null ? Map.of() : userContext(user));
    mailer.send(template, recipient, context);
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
