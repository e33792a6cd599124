package dev.portcullis.impl.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Hashes data embedded in confirmation, reset and change-email tokens (Flask-Security {@code
 * utils.hash_data}/{@code verify_hash} over {@code SECURITY_HASHING_SCHEMES}): SHA-256-crypt
 * ({@code $5$rounds=535000$...}) for new hashes, legacy {@code hex_md5} accepted when verifying.
 * Binding a token to a hash of the current email or password hash makes it die when that changes.
 */
public final class TokenDataHash {

  private static final int ROUNDS = 535_000;
  private static final String SALT_CHARS =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final SecureRandom random;

  /** Hashes with salts from {@code random}. */
  public TokenDataHash(SecureRandom random) {
    this.random = random;
  }

  /** The SHA-256-crypt hash of {@code data}. */
  public String hash(String data) {
    StringBuilder salt = new StringBuilder("$5$rounds=" + ROUNDS + "$");
    for (int i = 0; i < 16; i++) {
      salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
    }
    return Sha2Crypt.sha256Crypt(data.getBytes(StandardCharsets.UTF_8), salt.toString());
  }

  /** Whether {@code hash} is a hash of {@code data}; constant-time, never throws on bad input. */
  public boolean verify(String data, String hash) {
    if (data == null || hash == null || hash.length() > 200) {
      return false;
    }
    try {
      String computed =
          hash.startsWith("$5$")
              ? Sha2Crypt.sha256Crypt(data.getBytes(StandardCharsets.UTF_8), hash)
              : hexMd5(data);
      return MessageDigest.isEqual(
          computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String hexMd5(String data) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
