package dev.portcullis.impl.authentication;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The Jakarta Security identity store over Portcullis' {@link UserStore} (JPA by default; DESIGN
 * §3). It validates a {@link UsernamePasswordCredential} as Flask-Security's login and HTTP Basic
 * check a password ({@code forms.LoginForm.validate}, {@code decorators._check_http_auth}): the
 * caller name is resolved by the configured identity attributes (email case-insensitively,
 * username), the password verified with transparent re-hash, and the account must be active and,
 * where confirmation is required, confirmed. The caller's groups are the user's role names.
 *
 * <p>Every refusal is the same {@code INVALID} result and costs one password hash: an unknown
 * identity and a user without a password pay a dummy hash, an inactive or unconfirmed user the real
 * check, so neither the answer nor its timing tells them apart from a wrong password.
 *
 * <p>The container's {@code IdentityStoreHandler} asks this store together with any the application
 * defines (lowest {@link #priority()} first, the first {@code VALID} result wins). {@link #userOf}
 * decides which Portcullis user a valid result names, whichever store produced it.
 */
@ApplicationScoped
public class PortcullisIdentityStore implements IdentityStore {

  /** The id of this store in its results. */
  public static final String STORE_ID = "portcullis";

  private IdentityResolver identities;
  private PasswordCheck passwords;
  private UserStore users;
  private boolean confirmationRequired;

  /** For CDI. */
  protected PortcullisIdentityStore() {}

  @Inject
  PortcullisIdentityStore(
      IdentityResolver identities,
      PasswordCheck passwords,
      UserStore users,
      AuthenticationConfig config) {
    this(identities, passwords, users, config.confirmationRequired());
  }

  PortcullisIdentityStore(
      IdentityResolver identities,
      PasswordCheck passwords,
      UserStore users,
      boolean confirmationRequired) {
    this.identities = identities;
    this.passwords = passwords;
    this.users = users;
    this.confirmationRequired = confirmationRequired;
  }

  /**
   * Validates a username and password; other credential types are not this store's ({@code
   * NOT_VALIDATED}). Subclasses of {@link UsernamePasswordCredential} (such as {@code
   * BasicAuthenticationCredential}) are validated too.
   */
  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential password)) {
      return NOT_VALIDATED_RESULT;
    }
    Optional<UserRecord> user = identities.resolve(password.getCaller());
    // An unknown identity costs a dummy hash and counts like an account: neither the answer nor its
    // timing reveals accounts, a throttled attempt (answered 429) included.
    PasswordCheck.Outcome checked =
        passwords.check(user, password.getCaller(), password.getPasswordAsString());
    if (checked != PasswordCheck.Outcome.VERIFIED || !maySignIn(user.get())) {
      return INVALID_RESULT;
    }
    return valid(user.get());
  }

  /**
   * The role names of the Portcullis user a result names (see {@link #userOf}), else none. The
   * handler asks this only of stores that provide groups without validating; it is here so an
   * application's handler or a groups-only setup gets consistent answers.
   */
  @Override
  public Set<String> getCallerGroups(CredentialValidationResult result) {
    return userOf(result).map(UserRecord::roles).orElse(Set.of());
  }

  /**
   * The Portcullis user a {@code VALID} result names, if that user may sign in (active, and
   * confirmed where required). A result of this store carries the user's id; one of another store
   * names its caller, which is resolved like a login identity (email or username). A result whose
   * caller is no Portcullis user is empty: everything Portcullis does (sessions, tokens, roles,
   * permissions) needs a user of its own store.
   */
  public Optional<UserRecord> userOf(CredentialValidationResult result) {
    if (result == null || result.getStatus() != Status.VALID) {
      return Optional.empty();
    }
    Principal caller = result.getCallerPrincipal();
    if (caller == null) {
      return Optional.empty();
    }
    Optional<UserRecord> user =
        caller instanceof PortcullisPrincipal ours
            ? users.findById(ours.userId())
            : identities.resolve(caller.getName());
    return user.filter(this::maySignIn);
  }

  /** Flask-Security's login rules after the password: active, and confirmed where required. */
  private boolean maySignIn(UserRecord user) {
    return user.active() && !(confirmationRequired && user.confirmedAt() == null);
  }

  private static CredentialValidationResult valid(UserRecord user) {
    return new CredentialValidationResult(
        STORE_ID,
        new PortcullisPrincipal(user.email(), user.id()),
        null,
        String.valueOf(user.id()),
        user.roles());
  }
}
