package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.http.Cookies;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.signin.SecondFactorWaiver;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Remember this device: the {@code tf_validity} cookie (spec §5.7), in Flask-Security's format — a
 * token of purpose {@code security.two_factor_validity_salt} over the user's {@code fs_uniquifier}
 * — so cookies issued by either side are read by the other.
 *
 * <p>Why the uniquifier is enough: it is the only thing the token says, and Portcullis replaces it
 * on every password change, password reset and {@code reset_access} (as Flask-Security does), so
 * each of those ends every remembered device without any list of issued cookies. A cookie is issued
 * only with {@code security.two_factor_always_validate=false} and remember-me, after a second
 * factor passed (never after a recovery code), and is checked only then.
 */
@ApplicationScoped
public class ValidityCookie implements SecondFactorWaiver {

  /** Flask-Security's cookie name. */
  static final String NAME = "tf_validity";

  @Inject PurposeTokens tokens;
  @Inject TwoFactorConfig config;

  @Override
  public boolean waives(UserRecord user, HttpServletRequest request) {
    if (!config.enabled() || config.alwaysValidate()) {
      return false;
    }
    return Cookies.value(request, NAME)
        .map(
            token -> tokens.verify(TokenPurpose.TWO_FACTOR_VALIDITY, token, config.loginValidity()))
        .filter(TokenCheck.Valid.class::isInstance)
        .map(check -> ((TokenCheck.Valid) check).payload())
        .filter(JsonString.class::isInstance)
        .map(payload -> sameUniquifier(((JsonString) payload).getString(), user))
        .orElse(false);
  }

  /** Sets the cookie for {@code user} when the configuration and the remember-me choice ask. */
  public void issueIfAsked(
      UserRecord user, boolean remember, HttpServletRequest request, HttpServletResponse response) {
    if (config.alwaysValidate() || !remember) {
      return;
    }
    String token = tokens.sign(TokenPurpose.TWO_FACTOR_VALIDITY, Jsons.value(user.fsUniquifier()));
    Cookie cookie = new Cookie(NAME, token);
    cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, config.loginValidity().toSeconds()));
    String contextPath = request.getContextPath();
    config
        .validityCookie()
        .applyTo(cookie, request.isSecure(), contextPath == null ? "" : contextPath);
    response.addCookie(cookie);
    response.addHeader("Vary", "Cookie");
  }

  private static boolean sameUniquifier(String named, UserRecord user) {
    return MessageDigest.isEqual(
        named.getBytes(StandardCharsets.UTF_8),
        user.fsUniquifier().getBytes(StandardCharsets.UTF_8));
  }
}
