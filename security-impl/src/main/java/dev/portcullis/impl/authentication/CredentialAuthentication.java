package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Authenticates a request by a credential handed to {@code SecurityContext.authenticate}: the
 * credential goes through the {@link IdentityStoreHandler} (so an application's own identity stores
 * take part), and the valid result must name a Portcullis user ({@link
 * PortcullisIdentityStore#userOf}).
 *
 * <p>HTTP Basic (Flask-Security {@code decorators._check_http_auth}) authenticates this request
 * only and never creates a session. Any other credential is an application's own sign-in, which the
 * mechanism completes through the sign-in pipeline like a password login.
 */
@ApplicationScoped
public class CredentialAuthentication {

  private static final Logger LOG = Logger.getLogger(CredentialAuthentication.class.getName());

  private IdentityStoreHandler handler;
  private PortcullisIdentityStore store;

  /** For CDI. */
  protected CredentialAuthentication() {}

  @Inject
  CredentialAuthentication(IdentityStoreHandler handler, PortcullisIdentityStore store) {
    this.handler = handler;
    this.store = store;
  }

  /**
   * Who the caller is after a successful check: the principal and groups to hand the container.
   *
   * @param principal the caller principal (the user's email, carrying the id)
   * @param groups the user's role names plus any group the identity stores added
   */
  public record Caller(CallerPrincipal principal, Set<String> groups) {}

  /**
   * Checks the credential through the identity stores; present when it names a Portcullis user who
   * may sign in.
   */
  public Optional<Checked> check(Credential credential) {
    CredentialValidationResult result = handler.validate(credential);
    Optional<UserRecord> user = store.userOf(result);
    if (user.isEmpty() && result.getStatus() == CredentialValidationResult.Status.VALID) {
      LOG.fine("A valid identity-store result names no Portcullis user who may sign in");
    }
    return user.map(u -> new Checked(u, result.getCallerGroups()));
  }

  /** HTTP Basic: authenticates this request only, never a session. */
  public Caller attachBasic(Checked checked, HttpServletRequest request) {
    new Authentication(checked.user(), Mechanism.BASIC).attachTo(request);
    return checked.caller();
  }

  /**
   * A credential the identity stores accepted.
   *
   * @param user the Portcullis user it names
   * @param storeGroups groups the identity stores added
   */
  public record Checked(UserRecord user, Set<String> storeGroups) {

    /** The principal and groups (role names plus the stores' groups) to hand the container. */
    public Caller caller() {
      Set<String> groups = new HashSet<>(user.roles());
      groups.addAll(storeGroups);
      return new Caller(new PortcullisPrincipal(user.email(), user.id()), groups);
    }
  }
}
