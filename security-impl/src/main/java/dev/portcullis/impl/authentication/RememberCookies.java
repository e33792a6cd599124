package dev.portcullis.impl.authentication;

import dev.portcullis.impl.token.RememberCookieCodec;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The remember-me cookie in Flask-Login's format ({@code <fs_uniquifier>|<HMAC-SHA512>}), HttpOnly
 * and SameSite=Lax, so a Flask-Security cookie keeps working after a migration.
 */
@ApplicationScoped
public class RememberCookies {

  private RememberCookieCodec codec;
  private AuthenticationConfig config;

  /** For CDI. */
  protected RememberCookies() {}

  @Inject
  RememberCookies(RememberCookieCodec codec, AuthenticationConfig config) {
    this.codec = codec;
    this.config = config;
  }

  /** The {@code fs_uniquifier} a valid cookie on the request names. */
  Optional<String> uniquifier(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(config.rememberCookieName())) {
        return codec.decode(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  Cookie create(UserRecord user) {
    return cookie(
        codec.encode(user.fsUniquifier()), (int) config.rememberCookieDuration().toSeconds());
  }

  Cookie expired() {
    return cookie("", 0);
  }

  private Cookie cookie(String value, int maxAge) {
    Cookie cookie = new Cookie(config.rememberCookieName(), value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(config.rememberCookieSecure());
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }
}
