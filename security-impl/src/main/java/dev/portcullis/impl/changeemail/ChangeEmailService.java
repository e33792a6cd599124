package dev.portcullis.impl.changeemail;

import dev.portcullis.event.ChangeEmailConfirmed;
import dev.portcullis.event.ChangeEmailInstructionsSent;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.account.UserBoundTokens;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Changing one's email (Flask-Security 5.5 {@code change_email}, spec §7.15/§11.4): the new address
 * must be confirmed by a link sent to it; the token is bound to the old address (a hash of it) and
 * carries the new one, so it dies if either changes meanwhile. The old address gets a notice.
 */
@ApplicationScoped
public class ChangeEmailService {

  @Inject UserStore users;
  @Inject UserBoundTokens tokens;
  @Inject EmailValidator emails;
  @Inject AccountMail mail;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject Clock clock;
  @Inject CredentialGuard guard;

  /** The outcome of a change request. */
  public sealed interface RequestOutcome {
    /** A link went to the new address (or, with generic responses, it looks so). */
    record Sent(String newEmail) implements RequestOutcome {}

    /** The form has errors. */
    record Rejected(Map<String, List<String>> fieldErrors) implements RequestOutcome {}
  }

  /** The outcome of following the link. */
  public sealed interface ConfirmOutcome {
    /** Changed; {@code user} has the new address. */
    record Changed(UserRecord user, String oldEmail) implements ConfirmOutcome {}

    /**
     * Not usable; {@code messageKey} says why.
     *
     * @param messageKey the message
     * @param email the address concerned, for the message's {@code %(email)s}, or empty
     */
    record Failed(String messageKey, String email) implements ConfirmOutcome {}
  }

  /** {@code POST /change-email}: mails a confirmation link to the new address. */
  public RequestOutcome request(UserRecord user, Form form, Function<String, String> links) {
    FieldErrors errors = form.typeErrors(messages);
    Optional<String> email = errors.isEmpty() ? validate(form, errors) : Optional.empty();
    if (!errors.isEmpty()) {
      return new RequestOutcome.Rejected(errors.toMap());
    }
    if (guard.refusesMailFor(user, email.get())) {
      // Before the look-up: a taken and a free address are bounded (and answered 429) alike.
      return new RequestOutcome.Rejected(
          errors.add("", messages.text(CredentialGuard.MAIL_MESSAGE)).toMap());
    }
    boolean taken = users.findByIdentity(IdentityAttribute.EMAIL, email.get(), true).isPresent();
    if (taken && !config.genericResponses()) {
      return new RequestOutcome.Rejected(
          errors
              .add("email", messages.text("EMAIL_ALREADY_ASSOCIATED", Map.of("email", email.get())))
              .toMap());
    }
    String token = tokens.create(TokenPurpose.CHANGE_EMAIL, user, user.email(), email.get());
    Map<String, Object> context =
        Map.of(
            "token",
            token,
            "link",
            links.apply("change-email-confirm/" + token),
            "new_email",
            email.get());
    if (taken) {
      // Why: with generic responses a taken address answers like a free one, and must cost the
      // same; the link is made and its mail rehearsed (written and discarded), never sent.
      mail.rehearse(MailTemplate.CHANGE_EMAIL_INSTRUCTIONS, email.get(), user, context);
      return new RequestOutcome.Sent(email.get());
    }
    mail.send(MailTemplate.CHANGE_EMAIL_INSTRUCTIONS, email.get(), user, context);
    events.publish(new ChangeEmailInstructionsSent(user.toSecurityUser(), email.get()));
    return new RequestOutcome.Sent(email.get());
  }

  /**
   * {@code GET /change-email-confirm/<token>}: switches to the new address. An expired, used or
   * forged token counts against the client address as the reset and confirmation links do (an
   * expired one too: unlike those, it mails nothing new); once the address must wait, the token is
   * not checked and the link is answered 429.
   */
  public ConfirmOutcome confirm(String token) {
    if (guard.refusesToken()) {
      // Not checked: the client address failed too often (answered 429, not redirected).
      return new ConfirmOutcome.Failed(CredentialGuard.ATTEMPTS_MESSAGE, "");
    }
    UserBoundTokens.Status status =
        tokens.check(
            TokenPurpose.CHANGE_EMAIL, token, config.changeEmailWithin(), UserRecord::email);
    if (status instanceof UserBoundTokens.Status.Expired) {
      guard.failedToken();
      return new ConfirmOutcome.Failed("CHANGE_EMAIL_EXPIRED", "");
    }
    if (!(status instanceof UserBoundTokens.Status.Valid valid) || valid.extra() == null) {
      guard.failedToken();
      return new ConfirmOutcome.Failed("INVALID_CHANGE_EMAIL_TOKEN", "");
    }
    UserRecord user = valid.user();
    if (!users.changeEmail(user.id(), valid.extra(), clock.instant())) {
      return new ConfirmOutcome.Failed("EMAIL_ALREADY_ASSOCIATED", valid.extra());
    }
    UserRecord changed = users.findById(user.id()).orElseThrow();
    mail.send(
        MailTemplate.CHANGE_EMAIL_NOTICE,
        user.email(),
        changed,
        Map.of("new_email", changed.email()));
    events.publish(new ChangeEmailConfirmed(changed.toSecurityUser(), user.email()));
    return new ConfirmOutcome.Changed(changed, user.email());
  }

  private Optional<String> validate(Form form, FieldErrors errors) {
    return emails.validateField(form, errors, messages);
  }
}
