package dev.portcullis.impl.confirmation;

import dev.portcullis.event.ConfirmInstructionsSent;
import dev.portcullis.event.UserConfirmed;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.account.Decoys;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.account.UserBoundTokens;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
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
 * Email confirmation (Flask-Security {@code confirmable} and {@code views.send_confirmation} /
 * {@code confirm_email}, spec §1.2 #9–#10, §7.7): (re)sends instructions and confirms by token. An
 * expired link mails a fresh one.
 */
@ApplicationScoped
public class ConfirmationService {

  @Inject UserStore users;
  @Inject ConfirmationTokens tokens;
  @Inject EmailValidator emails;
  @Inject Decoys decoys;
  @Inject AccountMail mail;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject CredentialGuard guard;
  @Inject Clock clock;

  /** The result of a resend request. */
  public sealed interface SendOutcome {
    /** Instructions queued (or, with generic responses, made to look so). */
    record Sent() implements SendOutcome {}

    /** The form has errors. */
    record Rejected(Map<String, List<String>> fieldErrors) implements SendOutcome {}
  }

  /** The result of following a confirmation link. */
  public sealed interface ConfirmOutcome {
    /** Bad signature, unknown user or changed email. */
    record Invalid() implements ConfirmOutcome {}

    /** Genuine but too old; a new link was mailed. */
    record Expired(UserRecord user) implements ConfirmOutcome {}

    /** The email was confirmed before. */
    record AlreadyConfirmed(UserRecord user) implements ConfirmOutcome {}

    /** Confirmed now. */
    record Confirmed(UserRecord user) implements ConfirmOutcome {}
  }

  /** {@code POST /confirm}: mails new instructions to an unconfirmed user. */
  public SendOutcome sendInstructions(Form form, Function<String, String> links) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new SendOutcome.Rejected(errors.toMap());
    }
    Optional<String> email = emails.validateField(form, errors, messages);
    if (email.isPresent() && guard.refusesMailTo(email.get())) {
      // Before the look-up: known and unknown addresses are bounded (and answered 429) alike.
      return new SendOutcome.Rejected(
          new FieldErrors().add("", messages.text(CredentialGuard.MAIL_MESSAGE)).toMap());
    }
    Optional<UserRecord> user = email.flatMap(e -> findUnconfirmed(e, errors));
    if (!errors.isEmpty()) {
      if (config.genericResponses() && errors.toMap().keySet().equals(java.util.Set.of("email"))) {
        // Why: the answer must not reveal an unknown or already confirmed account, nor may its
        // time; a stand-in goes through the real path and its mail is discarded.
        instructions(decoys.user(email.orElse(null)), links, mail::rehearse);
        return new SendOutcome.Sent();
      }
      return new SendOutcome.Rejected(errors.toMap());
    }
    send(user.get(), links);
    return new SendOutcome.Sent();
  }

  /** Mails confirmation instructions and fires {@link ConfirmInstructionsSent}. */
  public void send(UserRecord user, Function<String, String> links) {
    instructions(user, links, mail::send);
    events.publish(new ConfirmInstructionsSent(user.toSecurityUser()));
  }

  /** Makes a confirmation token and mails it; the same work for a real user and a stand-in. */
  private void instructions(
      UserRecord user, Function<String, String> links, AccountMail.Delivery delivery) {
    String token = tokens.create(user);
    delivery.deliver(
        MailTemplate.CONFIRMATION_INSTRUCTIONS,
        user,
        Map.of("confirmation_token", token, "confirmation_link", links.apply("confirm/" + token)));
  }

  /** {@code GET /confirm/<token>}: confirms the email the token was made for. */
  public ConfirmOutcome confirm(String token, Function<String, String> links) {
    if (guard.refusesToken()) {
      // Not checked: the client address failed too often (answered 429).
      return new ConfirmOutcome.Invalid();
    }
    UserBoundTokens.Status status = tokens.check(token);
    if (status instanceof UserBoundTokens.Status.Expired expired) {
      if (expired.user().confirmedAt() != null) {
        return new ConfirmOutcome.AlreadyConfirmed(expired.user());
      }
      send(expired.user(), links);
      return new ConfirmOutcome.Expired(expired.user());
    }
    if (!(status instanceof UserBoundTokens.Status.Valid valid)) {
      guard.failedToken();
      return new ConfirmOutcome.Invalid();
    }
    if (valid.user().confirmedAt() != null) {
      return new ConfirmOutcome.AlreadyConfirmed(valid.user());
    }
    users.setConfirmedAt(valid.user().id(), clock.instant());
    UserRecord confirmed = users.findById(valid.user().id()).orElseThrow();
    events.publish(new UserConfirmed(confirmed.toSecurityUser()));
    return new ConfirmOutcome.Confirmed(confirmed);
  }

  /** The account of {@code email}; an error on {@code email} unless it awaits confirmation. */
  private Optional<UserRecord> findUnconfirmed(String email, FieldErrors errors) {
    Optional<UserRecord> user = users.findByIdentity(IdentityAttribute.EMAIL, email, true);
    if (user.isEmpty()) {
      errors.add("email", messages.text("USER_DOES_NOT_EXIST"));
    } else if (user.get().confirmedAt() != null) {
      errors.add("email", messages.text("ALREADY_CONFIRMED"));
    }
    return user;
  }
}
