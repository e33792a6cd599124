package dev.portcullis.impl.recovery;

import dev.portcullis.event.PasswordReset;
import dev.portcullis.event.ResetPasswordInstructionsSent;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.account.Decoys;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.account.UserBoundTokens;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.PasswordPolicy;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Password recovery (Flask-Security {@code recoverable} and {@code views.forgot_password} / {@code
 * reset_password}, spec §1.2 #6–#7, §5.4). Reset tokens are bound to the current password hash and
 * the reset rotates both uniquifiers, so a token works once and every session and auth token of the
 * user ends.
 */
@ApplicationScoped
public class RecoveryService {

  @Inject UserStore users;
  @Inject UserBoundTokens tokens;
  @Inject EmailValidator emails;
  @Inject Decoys decoys;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject AccountMail mail;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject CredentialGuard guard;

  /** The outcome of a forgot-password request. */
  public sealed interface ForgotOutcome {
    /** Instructions queued, or made to look so. */
    record Sent() implements ForgotOutcome {}

    /**
     * The form has errors.
     *
     * @param fieldErrors messages per field
     * @param confirmationRequired whether the problem is an unconfirmed email
     */
    record Rejected(Map<String, List<String>> fieldErrors, boolean confirmationRequired)
        implements ForgotOutcome {}
  }

  /** The worth of a reset link. */
  public sealed interface LinkStatus {
    /** Usable by this user. */
    record Valid(UserRecord user) implements LinkStatus {}

    /** Not usable; {@code messageKey} says why (an expired link mailed a new one). */
    record Unusable(String messageKey) implements LinkStatus {}
  }

  /** The outcome of setting the new password. */
  public sealed interface ResetOutcome {
    /** Done; {@code user} is the updated user. */
    record Reset(UserRecord user) implements ResetOutcome {}

    /** The link is not usable. */
    record BadLink(String messageKey) implements ResetOutcome {}

    /** The form has errors. */
    record Rejected(Map<String, List<String>> fieldErrors) implements ResetOutcome {}
  }

  /** {@code POST /reset}: mails reset instructions. */
  public ForgotOutcome forgot(Form form, Function<String, String> links) {
    FieldErrors errors = form.typeErrors(messages);
    Optional<String> email =
        errors.isEmpty() ? emails.validateField(form, errors, messages) : Optional.empty();
    if (email.isPresent() && guard.refusesMailTo(email.get())) {
      // Before the look-up: known and unknown addresses are bounded (and answered 429) alike.
      return new ForgotOutcome.Rejected(
          new FieldErrors().add("", messages.text(CredentialGuard.MAIL_MESSAGE)).toMap(), false);
    }
    Optional<UserRecord> user = email.flatMap(e -> findUsable(e, errors));
    if (!errors.isEmpty()) {
      if (config.genericResponses() && errors.toMap().keySet().equals(Set.of("email"))) {
        // Why: the answer must not reveal an unknown, inactive or unconfirmed account, nor may its
        // time; a stand-in goes through the real path and its mail is discarded.
        instructions(decoys.user(email.orElse(null)), links, mail::rehearse);
        return new ForgotOutcome.Sent();
      }
      boolean unconfirmed =
          user.isPresent() && config.confirmationRequired() && user.get().confirmedAt() == null;
      return new ForgotOutcome.Rejected(errors.toMap(), unconfirmed);
    }
    instructions(user.get(), links, mail::send);
    events.publish(new ResetPasswordInstructionsSent(user.get().toSecurityUser()));
    return new ForgotOutcome.Sent();
  }

  /** Makes a reset token and mails it; the same work for a real user and a stand-in. */
  private void instructions(
      UserRecord user, Function<String, String> links, AccountMail.Delivery delivery) {
    String token = tokens.create(TokenPurpose.RESET, user, user.password(), null);
    if (config.sendPasswordResetEmail()) {
      delivery.deliver(
          MailTemplate.RESET_INSTRUCTIONS,
          user,
          Map.of("reset_token", token, "reset_link", links.apply("reset/" + token)));
    }
  }

  /** {@code GET /reset/<token>}: whether the link can be used. */
  public LinkStatus check(String token, Function<String, String> links) {
    if (guard.refusesToken()) {
      // Not checked: the client address failed too often (answered 429).
      return new LinkStatus.Unusable(CredentialGuard.ATTEMPTS_MESSAGE);
    }
    UserBoundTokens.Status status =
        tokens.check(TokenPurpose.RESET, token, config.resetPasswordWithin(), UserRecord::password);
    if (status instanceof UserBoundTokens.Status.Valid valid) {
      return new LinkStatus.Valid(valid.user());
    }
    if (status instanceof UserBoundTokens.Status.Expired expired) {
      resend(expired.user(), links);
      return new LinkStatus.Unusable("PASSWORD_RESET_EXPIRED");
    }
    guard.failedToken();
    return new LinkStatus.Unusable("INVALID_RESET_PASSWORD_TOKEN");
  }

  /** {@code POST /reset/<token>}: sets the new password. */
  public ResetOutcome reset(String token, Form form, Function<String, String> links) {
    LinkStatus status = check(token, links);
    if (status instanceof LinkStatus.Unusable unusable) {
      return new ResetOutcome.BadLink(unusable.messageKey());
    }
    UserRecord user = ((LinkStatus.Valid) status).user();
    FieldErrors errors = form.typeErrors(messages);
    Optional<String> password =
        errors.isEmpty() ? validateNew(form, user, errors) : Optional.empty();
    if (!errors.isEmpty()) {
      return new ResetOutcome.Rejected(errors.toMap());
    }
    users.setPassword(user.id(), hasher.hash(password.get()));
    users.rotateUniquifier(user.id());
    UserRecord updated = users.rotateTokenUniquifier(user.id()).orElseThrow();
    if (config.sendPasswordResetNoticeEmail()) {
      mail.send(MailTemplate.RESET_NOTICE, updated, Map.of());
    }
    events.publish(new PasswordReset(updated.toSecurityUser()));
    return new ResetOutcome.Reset(updated);
  }

  private void resend(UserRecord user, Function<String, String> links) {
    if (user.active()) {
      instructions(user, links, mail::send);
      events.publish(new ResetPasswordInstructionsSent(user.toSecurityUser()));
    }
  }

  /** The account of {@code email}; an error on {@code email} unless it may reset its password. */
  private Optional<UserRecord> findUsable(String email, FieldErrors errors) {
    Optional<UserRecord> user = users.findByIdentity(IdentityAttribute.EMAIL, email, true);
    if (user.isEmpty()) {
      errors.add("email", messages.text("USER_DOES_NOT_EXIST"));
    } else if (!user.get().active()) {
      errors.add("email", messages.text("DISABLED_ACCOUNT"));
    } else if (config.confirmationRequired() && user.get().confirmedAt() == null) {
      errors.add("email", messages.text("CONFIRMATION_REQUIRED"));
    }
    return user;
  }

  /** Required, retyped identically, and acceptable to the policy. */
  Optional<String> validateNew(Form form, UserRecord user, FieldErrors errors) {
    Optional<String> password = form.text("password").map(hasher::normalize);
    Optional<String> confirm = form.text("password_confirm").map(hasher::normalize);
    if (password.isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    }
    if (confirm.isEmpty()) {
      errors.add("password_confirm", messages.text("PASSWORD_NOT_PROVIDED"));
    } else if (password.isPresent() && !password.equals(confirm)) {
      errors.add("password_confirm", messages.text("RETYPE_PASSWORD_MISMATCH"));
    }
    if (errors.isEmpty()) {
      Set<String> inputs = new HashSet<>();
      inputs.add(user.email());
      if (user.username() != null) {
        inputs.add(user.username());
      }
      policy
          .check(password.get(), new PasswordPolicy.Context(false, inputs))
          .forEach(problem -> errors.add("password", problem));
    }
    return password;
  }
}
