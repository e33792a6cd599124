package dev.portcullis.impl.registration;

import dev.portcullis.event.UserNotRegistered;
import dev.portcullis.event.UserRegistered;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.account.Decoys;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.confirmation.ConfirmationTokens;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.unifiedsignin.UsSetupService;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.PasswordPolicy;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import dev.portcullis.spi.UsernamePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Registration (Flask-Security {@code views.register}, {@code registerable.register_user} and
 * {@code register_existing}, spec §1.2 #5): validates every field, creates the user, mails the
 * welcome (with a confirmation link when confirmable). With generic responses a taken email or
 * username looks like success and the owner is mailed instead, so registration cannot be used to
 * find out who has an account.
 */
@ApplicationScoped
public class RegistrationService {

  @Inject UserStore users;
  @Inject PasswordHasher hasher;
  @Inject PasswordCheck passwords;
  @Inject PasswordPolicy passwordPolicy;
  @Inject UnifiedSigninConfig unifiedSignin;
  @Inject UsSetupService usSetup;
  @Inject UsernamePolicy usernamePolicy;
  @Inject EmailValidator emails;
  @Inject ConfirmationTokens confirmations;
  @Inject Decoys decoys;
  @Inject AccountMail mail;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject CredentialGuard guard;

  /**
   * Registers a user.
   *
   * @param form fields email, password, password_confirm, username
   * @param requireConfirm whether password_confirm is required (HTML forms, or configured)
   * @param links builds absolute links from API paths
   */
  public RegistrationOutcome register(
      Form form, boolean requireConfirm, Function<String, String> links) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new RegistrationOutcome.Rejected(errors.toMap());
    }
    Optional<String> email = validateEmail(form, errors);
    Optional<String> password = validatePassword(form, requireConfirm, email, errors);
    Optional<String> username = validateUsername(form, errors);
    if (errors.isEmpty() && guard.refusesMailTo(email.get())) {
      // Before the look-up: a taken and a free email are bounded (and answered 429) alike.
      return new RegistrationOutcome.Rejected(
          new FieldErrors().add("", messages.text(CredentialGuard.MAIL_MESSAGE)).toMap());
    }
    Optional<UserRecord> emailOwner =
        email.flatMap(e -> users.findByIdentity(IdentityAttribute.EMAIL, e, true));
    Optional<UserRecord> usernameOwner =
        username.flatMap(u -> users.findByIdentity(IdentityAttribute.USERNAME, u, true));
    boolean onlyDuplicates =
        errors.isEmpty() && (emailOwner.isPresent() || usernameOwner.isPresent());
    if (onlyDuplicates && config.genericResponses()) {
      return looksRegistered(email.get(), username, emailOwner, usernameOwner.isPresent(), links);
    }
    if (!config.genericResponses()) {
      // With generic responses a taken email or username is never reported, not even beside other
      // errors (Flask's register_existing squashes them): a weak password must not reveal it.
      emailOwner.ifPresent(
          u ->
              errors.add(
                  "email",
                  messages.text("EMAIL_ALREADY_ASSOCIATED", Map.of("email", email.get()))));
      usernameOwner.ifPresent(
          u ->
              errors.add(
                  "username",
                  messages.text(
                      "USERNAME_ALREADY_ASSOCIATED", Map.of("username", username.get()))));
    }
    if (!errors.isEmpty()) {
      return new RegistrationOutcome.Rejected(errors.toMap());
    }
    return create(email.get(), username.orElse(null), password.orElse(null), links);
  }

  private Optional<String> validateEmail(Form form, FieldErrors errors) {
    return emails.validateField(form, errors, messages);
  }

  private Optional<String> validatePassword(
      Form form, boolean requireConfirm, Optional<String> email, FieldErrors errors) {
    Optional<String> password = form.text("password").map(hasher::normalize);
    if (password.isEmpty() && passwordOptional() && form.text("password_confirm").isEmpty()) {
      // security.password_required=false with unified sign-in: a mailed code is the way in.
      return password;
    }
    if (password.isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    } else {
      Set<String> inputs = new HashSet<>();
      email.ifPresent(inputs::add);
      form.text("username").ifPresent(inputs::add);
      passwordPolicy
          .check(password.get(), new PasswordPolicy.Context(true, inputs))
          .forEach(problem -> errors.add("password", problem));
    }
    Optional<String> confirm = form.text("password_confirm").map(hasher::normalize);
    if (confirm.isEmpty() && (requireConfirm || config.passwordConfirmRequired())) {
      errors.add("password_confirm", messages.text("PASSWORD_NOT_PROVIDED"));
    } else if (confirm.isPresent() && !confirm.equals(password)) {
      errors.add("password_confirm", messages.text("RETYPE_PASSWORD_MISMATCH"));
    }
    return password;
  }

  /** Whether a user may register without a password (spec §6.6). */
  private boolean passwordOptional() {
    return unifiedSignin.enabled() && !unifiedSignin.passwordRequired();
  }

  private Optional<String> validateUsername(Form form, FieldErrors errors) {
    if (!config.usernameEnable()) {
      return Optional.empty();
    }
    if (form.text("username").isEmpty()) {
      if (config.usernameRequired()) {
        errors.add("username", messages.text("USERNAME_NOT_PROVIDED"));
      }
      return Optional.empty();
    }
    UsernamePolicy.Result result = usernamePolicy.validate(form.text("username").get());
    if (result instanceof UsernamePolicy.Result.Invalid invalid) {
      invalid.messages().forEach(m -> errors.add("username", m));
      return Optional.empty();
    }
    return Optional.of(((UsernamePolicy.Result.Valid) result).normalized());
  }

  private RegistrationOutcome create(
      String email, String username, String password, Function<String, String> links) {
    Optional<UserRecord> created =
        users.create(
            new NewUser(
                email,
                username,
                password == null ? null : hasher.hash(password),
                true,
                null,
                Set.of()));
    if (created.isEmpty()) {
      // Lost a race with a concurrent registration of the same email or username.
      return new RegistrationOutcome.Rejected(
          new FieldErrors()
              .add("email", messages.text("EMAIL_ALREADY_ASSOCIATED", Map.of("email", email)))
              .toMap());
    }
    UserRecord user = created.get();
    if (password == null) {
      usSetup.enrolEmail(user);
    }
    events.publish(new UserRegistered(user.toSecurityUser(), config.confirmationRequired()));
    if (config.sendRegisterEmail()) {
      welcome(user, links, mail::send);
    }
    return new RegistrationOutcome.Registered(user, !config.confirmationRequired());
  }

  /** Mails the welcome, with a confirmation link when confirmable; the same work for a stand-in. */
  private void welcome(
      UserRecord user, Function<String, String> links, AccountMail.Delivery delivery) {
    Map<String, Object> context = new java.util.HashMap<>();
    if (config.confirmable()) {
      String token = confirmations.create(user);
      context.put("confirmation_token", token);
      context.put("confirmation_link", links.apply("confirm/" + token));
    }
    delivery.deliver(MailTemplate.WELCOME, user, context);
  }

  private RegistrationOutcome looksRegistered(
      String email,
      Optional<String> username,
      Optional<UserRecord> emailOwner,
      boolean usernameTaken,
      Function<String, String> links) {
    passwords.equalizeTiming();
    events.publish(
        new UserNotRegistered(
            emailOwner.map(UserRecord::toSecurityUser).orElse(null),
            emailOwner.isPresent(),
            usernameTaken));
    if (config.sendRegisterEmail() && emailOwner.isPresent()) {
      Map<String, Object> context = new java.util.HashMap<>();
      if (config.recoverable()) {
        context.put("recovery_link", links.apply("reset"));
      }
      mail.send(MailTemplate.WELCOME_EXISTING, emailOwner.get(), context);
    } else if (config.sendRegisterEmail()) {
      mail.send(
          MailTemplate.WELCOME_EXISTING_USERNAME,
          email,
          null,
          Map.of("email", email, "username", username.orElse("")));
    }
    if (config.sendRegisterEmail()) {
      // Why: a new account costs a hash, a user insert, a confirmation token and its welcome mail;
      // this path must cost as much. The hash is spent above; a stand-in's welcome makes the token,
      // and its rehearsal (one outbox row written and deleted in its own transaction) stands in
      // for the insert, as the owner's mail stands in for the new account's.
      welcome(decoys.user(email), links, mail::rehearse);
    }
    return new RegistrationOutcome.LooksRegistered();
  }
}
