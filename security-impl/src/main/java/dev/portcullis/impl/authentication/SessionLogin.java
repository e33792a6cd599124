package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.event.UserAuthenticated;
import dev.portcullis.event.UserLoggedOut;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Establishes and ends sessions (Flask-Security {@code utils.login_user} / {@code logout_user}).
 *
 * <p>The session holds only the user's {@code fs_uniquifier}; the mechanism loads the user from it
 * on every request, so rotating the uniquifier ends the session everywhere. A new session id is
 * issued at login against session fixation.
 */
@ApplicationScoped
public class SessionLogin {

  private UserStore users;
  private AuthenticationConfig config;
  private RememberCookies rememberCookies;
  private EventPublisher events;
  private Clock clock;

  /** For CDI. */
  protected SessionLogin() {}

  @Inject
  SessionLogin(
      UserStore users,
      AuthenticationConfig config,
      RememberCookies rememberCookies,
      EventPublisher events,
      Clock clock) {
    this.users = users;
    this.config = config;
    this.rememberCookies = rememberCookies;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Logs a user in on this request: fresh session id, freshness anchor, remember-me cookie if
   * asked, tracking, then {@link UserAuthenticated}.
   */
  public void login(
      HttpServletRequest request,
      HttpServletResponse response,
      UserRecord user,
      boolean remember,
      List<String> authnVia) {
    HttpSession session = renewSession(request);
    session.setAttribute(SessionKeys.USER_ID, user.fsUniquifier());
    session.setAttribute(SessionKeys.PRIMARY_AUTHN_AT, clock.instant().getEpochSecond());
    session.removeAttribute(SessionKeys.GRACE_EXPIRES_AT);
    session.setAttribute(SessionKeys.CSRF_COOKIE_STATE, "set");
    if (remember) {
      response.addCookie(rememberCookies.create(user));
    }
    if (config.trackable()) {
      users.recordLogin(
          user.id(), clock.instant(), ClientAddress.of(request, config.proxyXForHops()));
    }
    new Authentication(user, Mechanism.SESSION).attachTo(request);
    events.publish(new UserAuthenticated(user.toSecurityUser(), authnVia));
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
    if (response != null && hasCookie(request, config.rememberCookieName())) {
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
    request.changeSessionId();
    return request.getSession(false);
  }

  private static boolean hasCookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
