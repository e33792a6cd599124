package dev.portcullis.impl.signin;

import dev.portcullis.event.UserAuthenticated;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.http.ClientAddress;
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
  private Instance<SecondFactorWaiver> waivers;
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
      Instance<SecondFactorWaiver> waivers,
      PendingSignIns pending,
      UserStore users,
      AuthenticationConfig config,
      EventPublisher events,
      Clock clock) {
    this.sessions = sessions;
    this.secondFactors = secondFactors;
    this.waivers = waivers;
    this.pending = pending;
    this.users = users;
    this.config = config;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Completes a primary authentication: signs the user in, or — when the user has set up a second
   * factor (or must set one up) and no {@link SecondFactorWaiver} lets them skip it — holds a
   * pending sign-in bound to that user and starts the factor's login step, or asks the user to
   * select one when there are several (spec §7.2).
   */
  public SignInResult complete(
      PrimaryAuthentication primary, HttpServletRequest request, HttpServletResponse response) {
    UserRecord user = primary.user();
    List<SecondFactor> factors = primary.secondFactorApplies() ? factorsOf(user) : List.of();
    if (factors.isEmpty() || waived(user, request)) {
      return signIn(user, primary.remember(), List.of(primary.method()), request, response);
    }
    String state = pending.create(primary);
    sessions.holdPending(request, SessionKeys.SIGNIN_PENDING, state);
    if (factors.size() == 1) {
      SecondFactor.Step step = factors.get(0).begin(user, request);
      return new SignInResult.SecondFactorRequired(user, factors, state, Optional.of(step));
    }
    request.getSession().setAttribute(SessionKeys.SIGNIN_SELECT, Boolean.TRUE);
    return new SignInResult.SecondFactorRequired(user, factors, state, Optional.empty());
  }

  /**
   * The sign-in pending on this request's session that waits for its user to select a second factor
   * (Flask-Security's {@code tf_user_id} with {@code tf_select}).
   */
  public Optional<PendingSignIn> pendingSelection(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null || session.getAttribute(SessionKeys.SIGNIN_SELECT) == null) {
      return Optional.empty();
    }
    return pending(request);
  }

  /** The names of the second factors {@code user} has set up, in the order they are asked. */
  public List<String> setUpFactors(UserRecord user) {
    return secondFactors.stream()
        .filter(factor -> factor.isSetUpFor(user))
        .map(factor -> factor.methodFor(user))
        .toList();
  }

  /**
   * Starts the login step of the second factor {@code name} the user of a pending selection chose
   * ({@code /tf-select}); empty when the user has no such factor set up.
   */
  public Optional<SecondFactor.Step> select(
      PendingSignIn selecting, String name, HttpServletRequest request) {
    return secondFactors.stream()
        .filter(
            factor ->
                factor.isSetUpFor(selecting.user())
                    && factor.methodFor(selecting.user()).equals(name))
        .findFirst()
        .map(factor -> factor.begin(selecting.user(), request));
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

  /**
   * The factors the user has set up; when none, those that must be set up while signing in (Flask's
   * {@code TWO_FACTOR_REQUIRED}).
   */
  private List<SecondFactor> factorsOf(UserRecord user) {
    List<SecondFactor> setUp =
        secondFactors.stream().filter(factor -> factor.isSetUpFor(user)).toList();
    if (!setUp.isEmpty()) {
      return setUp;
    }
    return secondFactors.stream().filter(factor -> factor.requiresSetUp(user)).limit(1).toList();
  }

  private boolean waived(UserRecord user, HttpServletRequest request) {
    return waivers.stream().anyMatch(waiver -> waiver.waives(user, request));
  }
}
