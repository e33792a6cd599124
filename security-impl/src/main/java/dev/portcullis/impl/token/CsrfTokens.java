package dev.portcullis.impl.token;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flask-WTF CSRF tokens ({@code flask_wtf/csrf.py: generate_csrf, validate_csrf}; behaviour spec
 * §7.9). The session keeps a random raw value ({@code session["csrf_token"]}); clients get it
 * signed for {@link TokenPurpose#CSRF} with a timestamp, so the form value both proves it came from
 * us and ages out after {@code WTF_CSRF_TIME_LIMIT}.
 *
 * <p>Clients without a server session keep the raw value in a cookie instead, signed for {@link
 * TokenPurpose#CSRF_COOKIE} ({@link #cookieValue}, {@link #rawFromCookie}): Flask keeps it in its
 * signed session cookie. Signed, not encrypted: the value is readable by whoever holds the cookie,
 * as in Flask, but useless without the key that signs the tokens. Its own salt means neither value
 * ever passes as the other.
 */
public final class CsrfTokens {

  /** Flask-WTF's default {@code WTF_CSRF_TIME_LIMIT}. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(3600);

  /** What {@link #newRawToken} makes; nothing else is accepted from a cookie. */
  private static final Pattern RAW_TOKEN = Pattern.compile("[0-9a-f]{40}");

  private final PurposeTokens tokens;
  private final SecureRandom random;

  public CsrfTokens(PurposeTokens tokens, SecureRandom random) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A new raw session value: 40 hex characters, SHA-1 of 64 random bytes as Flask-WTF makes it. */
  public String newRawToken() {
    byte[] seed = new byte[64];
    random.nextBytes(seed);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks SHA-1", e);
    }
  }

  /** The token to hand to the client (form field, JSON {@code csrf_token}, CSRF cookie). */
  public String signedToken(String rawInSession) {
    Objects.requireNonNull(rawInSession, "rawInSession");
    return tokens.sign(TokenPurpose.CSRF, Jsons.value(rawInSession));
  }

  /** The value of the cookie that binds {@code raw} to a client without a server session. */
  public String cookieValue(String raw) {
    Objects.requireNonNull(raw, "raw");
    return tokens.sign(TokenPurpose.CSRF_COOKIE, Jsons.value(raw));
  }

  /**
   * The raw value in a CSRF cookie, if we signed it for that purpose; a forged, tampered or expired
   * cookie is no cookie.
   *
   * @param maxAge the cookie's lifetime, {@code null} for unlimited
   */
  public Optional<String> rawFromCookie(String cookie, Duration maxAge) {
    if (cookie == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    TokenCheck check = tokens.verify(TokenPurpose.CSRF_COOKIE, cookie, maxAge);
    if (check instanceof TokenCheck.Valid valid
        && valid.payload() instanceof JsonString raw
        && RAW_TOKEN.matcher(raw.getString()).matches()) {
      return Optional.of(raw.getString());
    }
    return Optional.empty();
  }

  /** {@link #validate(String, String, Duration)} with the default one-hour limit. */
  public CsrfCheck validate(String presented, String rawInSession) {
    return validate(presented, rawInSession, DEFAULT_TIME_LIMIT);
  }

  /**
   * Checks a presented token against the session's raw value.
   *
   * @param timeLimit {@code WTF_CSRF_TIME_LIMIT}; {@code null} means no limit
   */
  public CsrfCheck validate(String presented, String rawInSession, Duration timeLimit) {
    if (presented == null || presented.isEmpty()) {
      return CsrfCheck.MISSING;
    }
    if (rawInSession == null || rawInSession.isEmpty()) {
      return CsrfCheck.SESSION_MISSING;
    }
    TokenCheck check = tokens.verify(TokenPurpose.CSRF, presented, timeLimit);
    if (check instanceof TokenCheck.Expired) {
      return CsrfCheck.EXPIRED;
    }
    if (!(check instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonString signed)) {
      return CsrfCheck.INVALID;
    }
    return sameValue(signed.getString(), rawInSession) ? CsrfCheck.OK : CsrfCheck.MISMATCH;
  }

  /** Constant-time, like Flask-WTF's {@code hmac.compare_digest}. */
  private static boolean sameValue(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
