package dev.portcullis.impl.authentication;

import dev.portcullis.impl.http.CookieAttributes;
import dev.portcullis.impl.http.CookieConfig;
import dev.portcullis.impl.http.Cookies;
import dev.portcullis.impl.token.RememberCookieCodec;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The remember-me cookie in Flask-Login's format ({@code <fs_uniquifier>|<HMAC-SHA512>}), so a
 * Flask-Security cookie keeps working after a migration. Its attributes are {@code
 * remember.cookie_*}: by default HttpOnly, SameSite=Lax, on the application's context path, and
 * Secure when the request is.
 */
@ApplicationScoped
public class RememberCookies {

  private RememberCookieCodec codec;
  private AuthenticationConfig config;
  private CookieAttributes attributes;
  private HttpServletRequest current;

  /** For CDI. */
  protected RememberCookies() {}

  /**
   * @param current the request being answered (CDI's request-scoped built-in bean): whether it is
   *     secure and its context path decide the cookie's Secure flag and default path
   */
  @Inject
  RememberCookies(
      RememberCookieCodec codec,
      AuthenticationConfig config,
      CookieConfig cookies,
      HttpServletRequest current) {
    this.codec = codec;
    this.config = config;
    this.attributes = cookies.remember();
    this.current = current;
  }

  /** The {@code fs_uniquifier} a valid cookie on the request names. */
  Optional<String> uniquifier(HttpServletRequest request) {
    return Cookies.value(request, config.rememberCookieName()).flatMap(codec::decode);
  }

  /** Whether the request carries a remember-me cookie at all (valid or not). */
  public boolean isPresent(HttpServletRequest request) {
    return Cookies.value(request, config.rememberCookieName()).isPresent();
  }

  Cookie create(UserRecord user) {
    return cookie(
        codec.encode(user.fsUniquifier()), (int) config.rememberCookieDuration().toSeconds());
  }

  /**
   * Cookies that delete the remember-me cookie: on its configured path and, when that is not {@code
   * /}, also on {@code /}, where Flask-Login and earlier versions set it (a cookie left there would
   * sign the user in again after logout).
   */
  List<Cookie> expired() {
    Cookie cookie = cookie("", 0);
    if (cookie.getPath().equals("/")) {
      return List.of(cookie);
    }
    Cookie root = cookie("", 0);
    root.setPath("/");
    return List.of(cookie, root);
  }

  private Cookie cookie(String value, int maxAge) {
    Cookie cookie = new Cookie(config.rememberCookieName(), value);
    cookie.setMaxAge(maxAge);
    return attributes.applyTo(cookie, current.isSecure(), current.getContextPath());
  }
}
