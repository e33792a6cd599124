package dev.portcullis.impl.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Flask-Security's pre-hash ({@code utils.py get_hmac}, spec §6.1): standard, padded base64 of
 * HMAC-SHA512 keyed with the UTF-8 of {@code security.password_salt} over the UTF-8 of the
 * password, 88 ASCII characters. The HMAC is the JDK's {@link Mac}.
 */
final class HmacPreHash {

  static final String ALGORITHM = "HmacSHA512";

  private final SecretKeySpec key;

  /**
   * @param passwordSalt the HMAC key, or {@code null} when not configured
   */
  HmacPreHash(String passwordSalt) {
    this.key =
        passwordSalt == null || passwordSalt.isEmpty()
            ? null
            : new SecretKeySpec(passwordSalt.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  boolean configured() {
    return key != null;
  }

  /**
   * The pre-hash of {@code password}.
   *
   * @throws IllegalStateException if no (non-empty) salt is configured
   */
  String apply(String password, String scheme) {
    if (key == null) {
      throw missingSalt(scheme);
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  static IllegalStateException missingSalt(String scheme) {
    return new IllegalStateException(
        "security.password_salt must be set (non-empty) when passwords are hashed or verified"
            + " with '"
            + scheme
            + "', which is not in security.password_single_hash");
  }
}
