package dev.portcullis.impl.login;

import dev.portcullis.impl.authentication.EmailNormalizer;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks login credentials (Flask-Security {@code forms.LoginForm.validate} and {@code
 * views.login}): field validation, look-up by email or username, password verification with
 * transparent re-hash, then confirmation and active checks — revealed only after the right
 * password. Unknown users and users without a password cost a dummy hash, so timing does not tell
 * them apart.
 */
@ApplicationScoped
public class LoginService {

  static final int MAX_IDENTITY_LENGTH = 320;

  private UserStore users;
  private PasswordCheck passwords;
  private Redirects redirects;
  private Messages messages;
  private LoginConfig config;

  /** For CDI. */
  protected LoginService() {}

  @Inject
  LoginService(
      UserStore users,
      PasswordCheck passwords,
      Redirects redirects,
      Messages messages,
      LoginConfig config) {
    this.users = users;
    this.passwords = passwords;
    this.redirects = redirects;
    this.messages = messages;
    this.config = config;
  }

  /**
   * Checks a login form.
   *
   * @param form the submitted fields
   * @param queryNext the {@code next} query parameter, or {@code null}
   * @param requestHost the host of the request, for redirect validation
   */
  public LoginOutcome authenticate(LoginForm form, String queryNext, String requestHost) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new LoginOutcome.Rejected(errors.toMap());
    }
    Optional<String> next = validateFields(form, queryNext, requestHost, errors);
    if (!errors.isEmpty()) {
      return rejected(errors);
    }
    String identityField = identityField(form);
    Optional<UserRecord> user = lookUp(form);
    PasswordCheck.Outcome checked =
        passwords.check(user, typedIdentity(form), form.password().orElse(null));
    if (checked == PasswordCheck.Outcome.THROTTLED) {
      // The same answer for a locked account and an identity nobody has (answered 429).
      errors.add("", messages.text("TOO_MANY_FAILED_ATTEMPTS"));
      return new LoginOutcome.Rejected(errors.toMap());
    }
    if (user.isEmpty()) {
      errors.add(identityField == null ? "" : identityField, messages.text("USER_DOES_NOT_EXIST"));
      return rejected(errors);
    }
    if (checked == PasswordCheck.Outcome.WRONG) {
      errors.add("password", messages.text("INVALID_PASSWORD"));
      return rejected(errors);
    }
    if (config.confirmationRequired() && user.get().confirmedAt() == null) {
      errors.add(identityField, messages.text("CONFIRMATION_REQUIRED"));
    } else if (!user.get().active()) {
      errors.add(identityField, messages.text("DISABLED_ACCOUNT"));
    }
    if (!errors.isEmpty()) {
      return rejected(errors);
    }
    boolean remember = form.remember().orElse(config.defaultRememberMe());
    return new LoginOutcome.Authenticated(user.get(), remember, next.orElse(null));
  }

  private Optional<String> validateFields(
      LoginForm form, String queryNext, String requestHost, FieldErrors errors) {
    if (form.email().isPresent() && EmailNormalizer.normalize(form.email().get()).isEmpty()) {
      errors.add("email", messages.text("INVALID_EMAIL_ADDRESS"));
    }
    if (form.password().isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    }
    String next = form.next().orElse(queryNext);
    if (next == null || next.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> valid = redirects.validate(next, requestHost);
    if (valid.isEmpty()) {
      errors.add("next", messages.text("INVALID_REDIRECT"));
    }
    return valid;
  }

  private String identityField(LoginForm form) {
    if (config.emailIdentity() && form.email().isPresent()) {
      return "email";
    }
    if (config.usernameEnable() && form.username().isPresent()) {
      return "username";
    }
    return config.emailIdentity() ? "email" : null;
  }

  /** The email or username as typed, for counting failures of an identity that names nobody. */
  private String typedIdentity(LoginForm form) {
    if (config.emailIdentity() && form.email().isPresent()) {
      return EmailNormalizer.normalize(form.email().get()).orElse(form.email().get());
    }
    return form.username().orElse("");
  }

  private Optional<UserRecord> lookUp(LoginForm form) {
    if (config.emailIdentity() && form.email().isPresent()) {
      return EmailNormalizer.normalize(form.email().get())
          .flatMap(email -> users.findByIdentity(IdentityAttribute.EMAIL, email, true));
    }
    if (config.usernameEnable() && form.username().isPresent()) {
      return users.findByIdentity(IdentityAttribute.USERNAME, form.username().get().strip(), true);
    }
    return Optional.empty();
  }

  /** With generic responses, identity and password errors become one generic form-level error. */
  private LoginOutcome rejected(FieldErrors errors) {
    if (!config.genericResponses()) {
      return new LoginOutcome.Rejected(errors.toMap());
    }
    FieldErrors generic = new FieldErrors();
    String text = messages.text("GENERIC_AUTHN_FAILED");
    errors
        .toMap()
        .forEach(
            (field, list) -> {
              if (field.equals("email") || field.equals("password") || field.equals("username")) {
                generic.add("", text);
              } else {
                list.forEach(message -> generic.add(field, message));
              }
            });
    return new LoginOutcome.Rejected(generic.toMap());
  }
}
