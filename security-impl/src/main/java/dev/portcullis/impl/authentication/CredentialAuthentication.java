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
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
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
 * only and never creates a session. Any other credential is an application's own sign-in and signs
 * the user in with a session, like a password login.
 */
@ApplicationScoped
public class CredentialAuthentication {

  private static final Logger LOG = Logger.getLogger(CredentialAuthentication.class.getName());

  private IdentityStoreHandler handler;
  private PortcullisIdentityStore store;
  private SessionLogin sessions;

  /** For CDI. */
  protected CredentialAuthentication() {}

  @Inject
  CredentialAuthentication(
      IdentityStoreHandler handler, PortcullisIdentityStore store, SessionLogin sessions) {
    this.handler = handler;
    this.store = store;
    this.sessions = sessions;
  }

  /**
   * Who the caller is after a successful check: the principal and groups to hand the container.
   *
   * @param principal the caller principal (the user's email, carrying the id)
   * @param groups the user's role names plus any group the identity stores added
   */
  public record Caller(CallerPrincipal principal, Set<String> groups) {}

  /**
   * Checks the credential and, if it names a Portcullis user who may sign in, records the
   * authentication on the request.
   *
   * @param credential the credential to validate
   * @param basic whether this is HTTP Basic (this request only, no session)
   * @param remember for a session sign-in: whether to set the remember-me cookie
   * @return the caller, or empty when the credential is refused
   */
  public Optional<Caller> authenticate(
      Credential credential,
      boolean basic,
      boolean remember,
      HttpServletRequest request,
      HttpServletResponse response) {
    CredentialValidationResult result = handler.validate(credential);
    Optional<UserRecord> user = store.userOf(result);
    if (user.isEmpty()) {
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        LOG.fine("A valid identity-store result names no Portcullis user who may sign in");
      }
      return Optional.empty();
    }
    if (basic) {
      new Authentication(user.get(), Mechanism.BASIC).attachTo(request);
    } else {
      signInWithSession(request, response, user.get(), remember);
    }
    Set<String> groups = new HashSet<>(user.get().roles());
    groups.addAll(result.getCallerGroups());
    return Optional.of(
        new Caller(new PortcullisPrincipal(user.get().email(), user.get().id()), groups));
  }

  /**
   * The session sign-in of an application's own {@code SecurityContext.authenticate}: the one place
   * to re-point when the sign-in pipeline takes over.
   */
  private void signInWithSession(
      HttpServletRequest request, HttpServletResponse response, UserRecord user, boolean remember) {
    sessions.login(request, response, user, remember, List.of("password"));
  }
}
