package dev.portcullis.impl.csrf;

import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.http.Cookies;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.CsrfTokenSource;
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
 * CSRF tokens (Flask-WTF {@code csrf.generate_csrf}/{@code validate_csrf}, and the CSRF cookie of
 * Flask-Security {@code utils.csrf_cookie_handler}). Clients get the raw value signed and
 * time-limited; where the raw value lives depends on the client:
 *
 * <ul>
 *   <li>A client with a server session (signed in, or one that has a session for another reason)
 *       keeps it in the session, as Flask-WTF does.
 *   <li>Any other client (anonymous, token or Basic) keeps it in the {@value #COOKIE_NAME} cookie,
 *       signed for its own purpose, HttpOnly, {@code SameSite=Lax}: Flask keeps it in its signed
 *       session cookie. Handing out a CSRF token therefore never creates a server session, so a
 *       flood of anonymous {@code GET /login} costs no server memory.
 * </ul>
 *
 * <p>The first time a client with a session asks for a token (the login reply), the raw value of
 * its cookie moves into the session and the cookie is deleted: a token fetched before login stays
 * valid after it, as in Flask-Security. Logout ends the session with its raw value and deletes the
 * cookie, so the next token is a new one.
 *
 * <p>Cookie changes decided during a request are written by {@link #writeCookie}, which {@link
 * CsrfFilter} calls for every JSON API response.
 */
@ApplicationScoped
public class Csrf implements CsrfTokenSource {

  /** The cookie binding the CSRF token of a client without a server session. */
  public static final String COOKIE_NAME = "fs_csrf";

  /** Request attribute: this request's raw value from the cookie, resolved once. */
  private static final String COOKIE_RAW = Csrf.class.getName() + ".cookieRaw";

  /** Request attribute: the cookie to send ({@code raw value}) or delete ({@code ""}). */
  private static final String COOKIE_CHANGE = Csrf.class.getName() + ".cookieChange";

  private CsrfTokens tokens;
  private CsrfConfig config;
  private Messages messages;

  /** For CDI. */
  protected Csrf() {}

  @Inject
  Csrf(CsrfTokens tokens, CsrfConfig config, Messages messages) {
    this.tokens = tokens;
    this.config = config;
    this.messages = messages;
  }

  /**
   * The signed token for this client. Never creates a session: without one, the raw value is bound
   * to the client's cookie, which {@link #writeCookie} then (re)sends.
   */
  @Override
  public String token(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String raw = session == null ? cookieBoundRaw(request) : sessionBoundRaw(request, session);
    return tokens.signedToken(raw);
  }

  /**
   * Checks a presented token against this client's raw value: empty when it is valid, else the
   * reason in the request's language.
   */
  public Optional<String> failure(HttpServletRequest request, String presented) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    CsrfCheck check =
        tokens.validate(presented, currentRaw(request).orElse(null), config.timeLimit());
    return check.isOk() ? Optional.empty() : Optional.of(messages.text(check.messageKey()));
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
      response.addCookie(readableCookie(token(request), -1));
      if (session != null) {
        session.setAttribute(SessionKeys.CSRF_COOKIE_STATE, "sent");
      }
    }
  }

  /**
   * Sends or deletes the {@value #COOKIE_NAME} cookie as this request decided; call before the
   * response is committed.
   */
  public void writeCookie(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(COOKIE_CHANGE) instanceof String raw) {
      request.removeAttribute(COOKIE_CHANGE);
      boolean delete = raw.isEmpty();
      response.addCookie(bindingCookie(request, delete ? "" : tokens.cookieValue(raw), delete));
    }
  }

  /** Deletes the readable CSRF cookie and the {@value #COOKIE_NAME} cookie (logout). */
  public void clearCookie(HttpServletRequest request, HttpServletResponse response) {
    config.cookieName().ifPresent(name -> response.addCookie(readableCookie("", 0)));
    if (cookie(request).isPresent()) {
      request.removeAttribute(COOKIE_CHANGE);
      response.addCookie(bindingCookie(request, "", true));
    }
  }

  /** The raw value this request's token must match: the session's, else the cookie's. */
  private Optional<String> currentRaw(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SessionKeys.CSRF_TOKEN) instanceof String raw) {
      return Optional.of(raw);
    }
    return cookieRaw(request);
  }

  /**
   * The cookie's raw value, or a new one; either way the cookie is re-signed now, so it stays valid
   * exactly as long as the newest token issued with it.
   */
  private String cookieBoundRaw(HttpServletRequest request) {
    String raw = cookieRaw(request).orElseGet(tokens::newRawToken);
    request.setAttribute(COOKIE_RAW, Optional.of(raw));
    if (!"".equals(request.getAttribute(COOKIE_CHANGE))) {
      request.setAttribute(COOKIE_CHANGE, raw);
    }
    return raw;
  }

  /** The session's raw value; a session without one adopts the cookie's (or a new one). */
  private String sessionBoundRaw(HttpServletRequest request, HttpSession session) {
    if (session.getAttribute(SessionKeys.CSRF_TOKEN) instanceof String raw) {
      return raw;
    }
    String raw = cookieRaw(request).orElseGet(tokens::newRawToken);
    session.setAttribute(SessionKeys.CSRF_TOKEN, raw);
    if (cookie(request).isPresent() || request.getAttribute(COOKIE_CHANGE) != null) {
      request.setAttribute(COOKIE_CHANGE, "");
    }
    return raw;
  }

  /** The raw value of a genuine, unexpired cookie, checked once per request. */
  @SuppressWarnings("unchecked")
  private Optional<String> cookieRaw(HttpServletRequest request) {
    if (request.getAttribute(COOKIE_RAW) instanceof Optional<?> resolved) {
      return (Optional<String>) resolved;
    }
    Optional<String> raw =
        cookie(request).flatMap(value -> tokens.rawFromCookie(value, config.timeLimit()));
    request.setAttribute(COOKIE_RAW, raw);
    return raw;
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    return Cookies.value(request, COOKIE_NAME);
  }

  /** For the browser session, HttpOnly, Lax, this application only, Secure over TLS. */
  private static Cookie bindingCookie(HttpServletRequest request, String value, boolean delete) {
    return Cookies.internal(request, COOKIE_NAME, value, delete ? 0 : -1);
  }

  private Cookie readableCookie(String value, int maxAge) {
    Cookie cookie = new Cookie(config.cookieName().orElseThrow(), value);
    cookie.setPath("/");
    cookie.setHttpOnly(false);
    cookie.setSecure(config.cookieSecure());
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", config.cookieSameSite());
    return cookie;
  }
}
