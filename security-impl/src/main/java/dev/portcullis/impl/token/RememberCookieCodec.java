package dev.portcullis.impl.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Flask-Login remember-me cookie value ({@code flask_login/utils.py: encode_cookie,
 * decode_cookie, _cookie_digest}; behaviour spec §5.12): {@code "<fs_uniquifier>|<hex
 * HMAC-SHA512>"}, keyed with the Latin-1 bytes of {@code SECRET_KEY} over the UTF-8 uniquifier.
 *
 * <p>The cookie carries no timestamp; its lifetime is the cookie's own {@code Max-Age}, and it is
 * revoked by rotating the user's {@code fs_uniquifier}. Thread-safe.
 */
public final class RememberCookieCodec {

  /** Longest cookie value we look at (browsers cap a cookie at about 4 KiB). */
  static final int MAX_COOKIE_LENGTH = 4096;

  private final SecretKeySpec key;

  /**
   * @param secretKey Flask's {@code SECRET_KEY}
   * @throws IllegalArgumentException if it is empty or has characters outside Latin-1 (Flask-Login
   *     cannot use such a key either, so no existing cookie could match)
   */
  public RememberCookieCodec(String secretKey) {
    Objects.requireNonNull(secretKey, "secretKey");
    if (secretKey.isEmpty() || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(secretKey)) {
      throw new IllegalArgumentException(
          "security.secret_key must be non-empty Latin-1 text to sign remember-me cookies");
    }
    this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.ISO_8859_1), "HmacSHA512");
  }

  /** The cookie value for {@code uniquifier}. */
  public String encode(String uniquifier) {
    Objects.requireNonNull(uniquifier, "uniquifier");
    return uniquifier + "|" + digest(uniquifier);
  }

  /**
   * The uniquifier in a cookie, if its digest is ours. The digest is compared in constant time so
   * response timing reveals nothing about the expected value.
   */
  public Optional<String> decode(String cookie) {
    if (cookie == null || cookie.length() > MAX_COOKIE_LENGTH) {
      return Optional.empty();
    }
    int bar = cookie.lastIndexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    String uniquifier = cookie.substring(0, bar);
    byte[] expected = digest(uniquifier).getBytes(StandardCharsets.UTF_8);
    byte[] presented = cookie.substring(bar + 1).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, presented) ? Optional.of(uniquifier) : Optional.empty();
  }

  private String digest(String uniquifier) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(uniquifier.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks HmacSHA512", e);
    }
  }
}
