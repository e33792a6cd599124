package dev.portcullis.impl.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Reading a request's cookies, and Portcullis' own short-lived cookies. */
public final class Cookies {

  /**
   * The attributes of the cookies that stand in for a server session ({@code fs_csrf}, {@code
   * fs_flash}): HttpOnly, SameSite=Lax, host-only on the application's path, Secure whenever the
   * request came over TLS.
   */
  private static final CookieAttributes INTERNAL =
      new CookieAttributes(
          "Lax",
          CookieAttributes.Secure.WHEN_REQUEST_SECURE,
          true,
          Optional.empty(),
          Optional.empty());

  private Cookies() {}

  /** The value of the request's cookie called {@code name}, if it sent one. */
  public static Optional<String> value(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * One of Portcullis' own cookies, for the response to {@code request}.
   *
   * @param maxAge seconds; {@code -1} for the browser session, {@code 0} to delete it
   */
  public static Cookie internal(HttpServletRequest request, String name, String value, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setMaxAge(maxAge);
    String contextPath = request.getContextPath();
    return INTERNAL.applyTo(cookie, request.isSecure(), contextPath == null ? "" : contextPath);
  }
}
