package dev.portcullis.impl.signin;

import dev.portcullis.event.UserAuthenticated;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.ClientAddress;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in pipeline (DESIGN §2.1; Flask-Security {@code utils.login_user} plus the decision of
 * {@code tf_plugin.tf_enter}, spec §7.1–§7.2). Every primary authentication ends here; nothing else
 * logs anyone in.
 */
@ApplicationScoped
public class SignIn {

  private SessionLogin sessions;
  private Instance<SecondFactor> secondFactors;
  private PendingSignIns pending;
  private UserStore users;
  private AuthenticationConfig config;
  private EventPublisher events;
  private Clock clock;

  /** For CDI. */
  protected SignIn() {}

  @Inject
  SignIn(
      SessionLogin sessions,
      Instance<SecondFactor> secondFactors,
      PendingSignIns pending,
      UserStore users,
      AuthenticationConfig config,
      EventPublisher events,
      Clock clock) {
    this.sessions = sessions;
    this.secondFactors = secondFactors;
    this.pending = pending;
    this.users = users;
    this.config = config;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Completes a primary authentication: signs the user in, or — when the user has set up a second
   * factor — holds a pending sign-in bound to that user and says which factors may follow.
   */
  public SignInResult complete(
      PrimaryAuthentication primary, HttpServletRequest request, HttpServletResponse response) {
    List<SecondFactor> factors =
        primary.secondFactorApplies() ? factorsOf(primary.user()) : List.of();
    if (!factors.isEmpty()) {
      String state = pending.create(primary);
      sessions.holdPending(request, SessionKeys.SIGNIN_PENDING, state);
      return new SignInResult.SecondFactorRequired(primary.user(), factors, state);
    }
    return signIn(primary.user(), primary.remember(), List.of(primary.method()), request, response);
  }

  /**
   * The sign-in waiting on this request's session for its second factor, if it is still valid:
   * signature good, not expired, and its user still active with the same {@code fs_uniquifier}.
   */
  public Optional<PendingSignIn> pending(HttpServletRequest request) {
    var session = request.getSession(false);
    Object state = session == null ? null : session.getAttribute(SessionKeys.SIGNIN_PENDING);
    return state instanceof String token ? pending.read(token) : Optional.empty();
  }

  /**
   * Completes a pending sign-in after its second factor passed (Flask-Security {@code
   * tf_complete}); {@code authnVia} is empty, as in Flask-Security.
   */
  public SignInResult.SignedIn completeSecondFactor(
      PendingSignIn passed, HttpServletRequest request, HttpServletResponse response) {
    return signIn(passed.user(), passed.remember(), List.of(), request, response);
  }

  /**
   * Records a successful re-authentication ({@code /verify}): refreshes the freshness anchor of the
   * session only when that session is the verified user's own and authenticated this request.
   *
   * @return whether the session was refreshed (false for a token-authenticated request)
   */
  public boolean reauthenticated(UserRecord user, HttpServletRequest request) {
    return sessions.markFresh(request, user);
  }

  private SignInResult.SignedIn signIn(
      UserRecord user,
      boolean remember,
      List<String> authnVia,
      HttpServletRequest request,
      HttpServletResponse response) {
    sessions.establish(request, response, user, remember);
    if (config.trackable()) {
      users.recordLogin(
          user.id(), clock.instant(), ClientAddress.of(request, config.proxyXForHops()));
    }
    events.publish(new UserAuthenticated(user.toSecurityUser(), authnVia));
    return new SignInResult.SignedIn(user, authnVia);
  }

  private List<SecondFactor> factorsOf(UserRecord user) {
    return secondFactors.stream().filter(factor -> factor.isSetUpFor(user)).toList();
  }
}
