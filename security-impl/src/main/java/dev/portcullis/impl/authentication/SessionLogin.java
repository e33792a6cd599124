package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.event.UserLoggedOut;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;

/**
 * Establishes and ends sessions (the session half of Flask-Security {@code utils.login_user}, and
 * {@code logout_user}); the sign-in pipeline ({@code impl.signin.SignIn}) is its one caller for
 * establishing.
 *
 * <p>The session holds only the user's {@code fs_uniquifier}; the mechanism loads the user from it
 * on every request, so rotating the uniquifier ends the session everywhere. A new session id is
 * issued at login against session fixation.
 */
@ApplicationScoped
public class SessionLogin {

  private RememberCookies rememberCookies;
  private EventPublisher events;
  private Clock clock;

  /** For CDI. */
  protected SessionLogin() {}

  @Inject
  SessionLogin(RememberCookies rememberCookies, EventPublisher events, Clock clock) {
    this.rememberCookies = rememberCookies;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Binds a fresh session to the user: new session id (against fixation), the user's {@code
   * fs_uniquifier}, a freshness anchor bound to that user, the remember-me cookie if asked. Only
   * the sign-in pipeline calls this; it also tracks the login and fires the event.
   */
  public void establish(
      HttpServletRequest request, HttpServletResponse response, UserRecord user, boolean remember) {
    HttpSession session = renewSession(request);
    session.setAttribute(SessionKeys.USER_ID, user.fsUniquifier());
    session.setAttribute(
        SessionKeys.FRESHNESS,
        new FreshnessAnchor(user.fsUniquifier(), clock.instant().getEpochSecond(), 0));
    session.setAttribute(SessionKeys.CSRF_COOKIE_STATE, "set");
    if (remember) {
      response.addCookie(rememberCookies.create(user));
    }
    new Authentication(user, Mechanism.SESSION).attachTo(request);
  }

  /**
   * Records a successful re-authentication ({@code /verify}) of the user who authenticated this
   * request by session. Returns false, writing nothing, for any other caller: a token request never
   * changes the session it happens to carry (issue 6, defect 1).
   */
  public boolean markFresh(HttpServletRequest request, UserRecord verified) {
    Optional<Authentication> caller = Authentication.of(request);
    HttpSession session = request.getSession(false);
    if (caller.isEmpty()
        || caller.get().mechanism() != Mechanism.SESSION
        || session == null
        || !verified.fsUniquifier().equals(caller.get().user().fsUniquifier())
        || !verified.fsUniquifier().equals(session.getAttribute(SessionKeys.USER_ID))) {
      return false;
    }
    session.setAttribute(
        SessionKeys.FRESHNESS,
        new FreshnessAnchor(verified.fsUniquifier(), clock.instant().getEpochSecond(), 0));
    return true;
  }

  /**
   * Starts a new anonymous session for a sign-in that waits for its second factor, holding only
   * {@code value} under {@code key}.
   */
  public void holdPending(HttpServletRequest request, String key, String value) {
    HttpSession session = renewSession(request);
    session.removeAttribute(SessionKeys.FRESHNESS);
    session.setAttribute(key, value);
  }

  /**
   * Re-establishes a session from a remember-me cookie: no freshness anchor, so sensitive
   * operations still ask for the password.
   */
  void resume(HttpServletRequest request, UserRecord user) {
    HttpSession session = renewSession(request);
    session.setAttribute(SessionKeys.USER_ID, user.fsUniquifier());
    session.setAttribute(SessionKeys.CSRF_COOKIE_STATE, "set");
  }

  /** Ends the session and the remember-me cookie, then fires {@link UserLoggedOut}. */
  public void logout(HttpServletRequest request, HttpServletResponse response) {
    Optional<Authentication> current = Authentication.of(request);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Authentication.detachFrom(request);
    if (response != null && rememberCookies.isPresent(request)) {
      rememberCookies.expired().forEach(response::addCookie);
    }
    current.ifPresent(a -> events.publish(new UserLoggedOut(a.user().toSecurityUser())));
  }

  private static HttpSession renewSession(HttpServletRequest request) {
    HttpSession existing = request.getSession(false);
    if (existing == null) {
      return request.getSession(true);
    }
    existing.removeAttribute(SessionKeys.USER_ID);
    existing.removeAttribute(SessionKeys.FRESHNESS);
    existing.removeAttribute(SessionKeys.SIGNIN_PENDING);
    existing.removeAttribute(SessionKeys.SIGNIN_SELECT);
    existing.removeAttribute(SessionKeys.TWO_FACTOR);
    request.changeSessionId();
    return request.getSession(false);
  }
}
