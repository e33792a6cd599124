package dev.portcullis.impl.login;

import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-authentication with the password (Flask-Security {@code views.verify} and {@code
 * forms.VerifyForm}): the rules shared by the JSON endpoint and the Faces page. The caller records
 * the freshness through the sign-in pipeline.
 */
@ApplicationScoped
public class VerifyService {

  /** The fields {@code /verify} reads. */
  public static final List<String> FIELDS = List.of("password", "next");

  private PasswordCheck passwords;
  private Messages messages;
  private Redirects redirects;

  /** For CDI. */
  protected VerifyService() {}

  @Inject
  VerifyService(PasswordCheck passwords, Messages messages, Redirects redirects) {
    this.passwords = passwords;
    this.messages = messages;
    this.redirects = redirects;
  }

  /** What {@link #verify} answers. */
  public sealed interface Outcome {
    /** The password was right; {@code next} is the validated redirect target, if any. */
    record Verified(Optional<String> next) implements Outcome {}

    /** Field errors, keyed as Flask-Security's form. */
    record Rejected(Map<String, List<String>> fieldErrors) implements Outcome {}
  }

  /**
   * Checks {@code user}'s password from the form, and its {@code next} (or {@code queryNext})
   * against the redirect rules.
   */
  public Outcome verify(UserRecord user, Form form, String queryNext, String requestHost) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new Outcome.Rejected(errors.toMap());
    }
    Optional<String> password = form.text("password").filter(p -> !p.isEmpty());
    if (password.isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    } else {
      PasswordCheck.Outcome checked =
          passwords.check(Optional.of(user), user.email(), password.get());
      if (checked == PasswordCheck.Outcome.THROTTLED) {
        errors.add("password", messages.text("TOO_MANY_FAILED_ATTEMPTS"));
      } else if (checked == PasswordCheck.Outcome.WRONG) {
        errors.add("password", messages.text("INVALID_PASSWORD"));
      }
    }
    Optional<String> next = form.text("next").filter(n -> !n.isEmpty());
    if (next.isEmpty() && queryNext != null && !queryNext.isEmpty()) {
      next = Optional.of(queryNext);
    }
    Optional<String> valid = next.flatMap(n -> redirects.validate(n, requestHost));
    if (next.isPresent() && valid.isEmpty()) {
      errors.add("next", messages.text("INVALID_REDIRECT"));
    }
    return errors.isEmpty() ? new Outcome.Verified(valid) : new Outcome.Rejected(errors.toMap());
  }
}
