package dev.portcullis.impl.rest;

import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.token.CsrfCheck;
import dev.portcullis.impl.token.CsrfTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Session-bound CSRF tokens (Flask-WTF {@code csrf.generate_csrf}/{@code validate_csrf}, and the
 * CSRF cookie of Flask-Security {@code utils.csrf_cookie_handler}). The raw token lives in the
 * session; clients get it signed and time-limited.
 */
@ApplicationScoped
public class Csrf {

  private CsrfTokens tokens;
  private CsrfConfig config;

  /** For CDI. */
  protected Csrf() {}

  @Inject
  Csrf(CsrfTokens tokens, CsrfConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  /** The signed token for this session, creating the session and its raw token when needed. */
  public String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object existing = session.getAttribute(SessionKeys.CSRF_TOKEN);
    String raw;
    if (existing instanceof String value) {
      raw = value;
    } else {
      raw = tokens.newRawToken();
      session.setAttribute(SessionKeys.CSRF_TOKEN, raw);
    }
    return tokens.signedToken(raw);
  }

  /** Checks a presented token against the session; empty when it is valid. */
  public Optional<String> failure(HttpServletRequest request, String presented) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Object raw = session == null ? null : session.getAttribute(SessionKeys.CSRF_TOKEN);
    CsrfCheck check =
        tokens.validate(presented, raw instanceof String s ? s : null, config.timeLimit());
    return check.isOk() ? Optional.empty() : Optional.of(check.defaultMessage());
  }

  /** The token a request presents in one of the accepted headers. */
  public Optional<String> fromHeaders(HttpServletRequest request) {
    for (String header : new String[] {"X-CSRF-Token", "X-CSRFToken", config.header()}) {
      String value = request.getHeader(header);
      if (value != null && !value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * Sends the readable CSRF cookie when configured and due: right after login, when asked to
   * refresh on every request, or when {@code force}d (GET /login, as Flask-Security 5.5 does).
   */
  public void maybeSendCookie(
      HttpServletRequest request, HttpServletResponse response, boolean force) {
    if (config.cookieName().isEmpty()) {
      return;
    }
    HttpSession session = request.getSession(false);
    boolean justLoggedIn =
        session != null && "set".equals(session.getAttribute(SessionKeys.CSRF_COOKIE_STATE));
    if (force || justLoggedIn || (config.refreshEachRequest() && session != null)) {
      response.addCookie(cookie(token(request), -1));
      request.getSession(true).setAttribute(SessionKeys.CSRF_COOKIE_STATE, "sent");
    }
  }

  /** Deletes the readable CSRF cookie (logout). */
  public void clearCookie(HttpServletResponse response) {
    config.cookieName().ifPresent(name -> response.addCookie(cookie("", 0)));
  }

  private Cookie cookie(String value, int maxAge) {
    Cookie cookie = new Cookie(config.cookieName().orElseThrow(), value);
    cookie.setPath("/");
    cookie.setHttpOnly(false);
    cookie.setSecure(config.cookieSecure());
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", config.cookieSameSite());
    return cookie;
  }
}
