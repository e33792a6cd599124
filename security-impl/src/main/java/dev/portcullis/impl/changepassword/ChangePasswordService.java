package dev.portcullis.impl.changepassword;

import dev.portcullis.event.PasswordChanged;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.spi.PasswordPolicy;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Changing one's password (Flask-Security {@code changeable.change_user_password} and {@code
 * views.change_password}, spec §1.2 #8, §6.6): the current password (unless the user has none), the
 * new one twice, the policy; then both uniquifiers rotate so every other session and every auth
 * token ends.
 */
@ApplicationScoped
public class ChangePasswordService {

  @Inject UserStore users;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject AccountMail mail;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject CredentialGuard guard;

  /** The outcome of a change. */
  public sealed interface Outcome {
    /** Changed; {@code user} is the updated user. */
    record Changed(UserRecord user) implements Outcome {}

    /** The form has errors. */
    record Rejected(Map<String, List<String>> fieldErrors) implements Outcome {}
  }

  /**
   * Changes {@code user}'s password from the form's {@code password} (current) to {@code
   * new_password}.
   */
  public Outcome change(UserRecord user, Form form, Function<String, String> links) {
    FieldErrors errors = form.typeErrors(messages);
    Optional<String> fresh = errors.isEmpty() ? validate(user, form, errors) : Optional.empty();
    if (!errors.isEmpty()) {
      return new Outcome.Rejected(errors.toMap());
    }
    users.setPassword(user.id(), hasher.hash(fresh.get()));
    users.rotateUniquifier(user.id());
    UserRecord updated = users.rotateTokenUniquifier(user.id()).orElseThrow();
    if (config.sendPasswordChangeEmail()) {
      Map<String, Object> context = new HashMap<>();
      if (config.recoverable()) {
        context.put("recovery_link", links.apply("reset"));
      }
      mail.send(MailTemplate.CHANGE_NOTICE, updated, context);
    }
    events.publish(new PasswordChanged(updated.toSecurityUser()));
    return new Outcome.Changed(updated);
  }

  private Optional<String> validate(UserRecord user, Form form, FieldErrors errors) {
    Optional<String> fresh = form.text("new_password").map(hasher::normalize);
    Optional<String> confirm = form.text("new_password_confirm").map(hasher::normalize);
    if (fresh.isEmpty()) {
      errors.add("new_password", messages.text("PASSWORD_NOT_PROVIDED"));
    }
    if (confirm.isEmpty()) {
      errors.add("new_password_confirm", messages.text("PASSWORD_NOT_PROVIDED"));
    } else if (fresh.isPresent() && !fresh.equals(confirm)) {
      errors.add("new_password_confirm", messages.text("RETYPE_PASSWORD_MISMATCH"));
    }
    if (user.hasPassword()) {
      checkCurrent(user, form.text("password"), fresh, errors);
    }
    if (errors.isEmpty()) {
      policy
          .check(fresh.get(), new PasswordPolicy.Context(false, inputs(user)))
          .forEach(problem -> errors.add("new_password", problem));
    }
    return fresh;
  }

  /**
   * The current password: required, right (plain verify, no re-hash), and not the new one. All
   * three errors go on {@code password}, the current-password field, as in Flask-Security's {@code
   * ChangePasswordForm.validate}.
   */
  private void checkCurrent(
      UserRecord user, Optional<String> current, Optional<String> fresh, FieldErrors errors) {
    if (current.isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    } else if (guard.refuses(ThrottleSubject.password(user))) {
      errors.add("password", messages.text("TOO_MANY_FAILED_ATTEMPTS"));
    } else if (!currentIsRight(user, current.get())) {
      errors.add("password", messages.text("INVALID_PASSWORD"));
    } else if (fresh.isPresent() && hasher.normalize(current.get()).equals(fresh.get())) {
      errors.add("password", messages.text("PASSWORD_IS_THE_SAME"));
    }
  }

  /** The current password, counted by the throttle like every password check. */
  private boolean currentIsRight(UserRecord user, String current) {
    boolean right = hasher.verify(hasher.normalize(current), user.password()).ok();
    if (right) {
      guard.succeeded(ThrottleSubject.password(user));
    } else {
      guard.failed(ThrottleSubject.password(user));
    }
    return right;
  }

  private static Set<String> inputs(UserRecord user) {
    Set<String> inputs = new HashSet<>();
    inputs.add(user.email());
    if (user.username() != null) {
      inputs.add(user.username());
    }
    return inputs;
  }
}
