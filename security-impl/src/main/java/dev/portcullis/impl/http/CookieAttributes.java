package dev.portcullis.impl.http;

import jakarta.servlet.http.Cookie;
import java.util.Optional;

/**
 * The attributes of one cookie as configured (Flask's {@code SESSION_COOKIE_*} and {@code
 * REMEMBER_COOKIE_*}).
 *
 * @param sameSite {@code Strict}, {@code Lax} or {@code None}
 * @param secure when the cookie is marked Secure
 * @param httpOnly whether scripts are kept from reading it
 * @param path its path; empty = the application's context path
 * @param domain its domain; empty = host-only
 */
public record CookieAttributes(
    String sameSite,
    Secure secure,
    boolean httpOnly,
    Optional<String> path,
    Optional<String> domain) {

  /** When a cookie is Secure. */
  public enum Secure {
    /** Always, whatever the request (behind a TLS-terminating proxy). */
    ALWAYS,
    /** Never. */
    NEVER,
    /**
     * When the request is secure as the container sees it ({@code isSecure()}): plain HTTP between
     * a TLS-terminating proxy and the server counts as insecure unless the container is told to
     * trust the proxy's scheme header.
     */
    WHEN_REQUEST_SECURE;

    /** Whether a cookie set while answering a request secure or not is Secure. */
    public boolean on(boolean requestSecure) {
      return this == ALWAYS || (this == WHEN_REQUEST_SECURE && requestSecure);
    }
  }

  /**
   * Gives {@code cookie} these attributes.
   *
   * @param requestSecure whether the request being answered is secure
   * @param contextPath the application's context path ({@code ""} at the root)
   */
  public Cookie applyTo(Cookie cookie, boolean requestSecure, String contextPath) {
    cookie.setPath(path.orElse(contextPath.isEmpty() ? "/" : contextPath));
    domain.ifPresent(cookie::setDomain);
    cookie.setHttpOnly(httpOnly);
    cookie.setSecure(secure.on(requestSecure));
    cookie.setAttribute("SameSite", sameSite);
    return cookie;
  }
}
