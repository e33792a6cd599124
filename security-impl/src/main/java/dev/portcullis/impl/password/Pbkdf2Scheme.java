package dev.portcullis.impl.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * passlib's {@code pbkdf2_sha512} and {@code pbkdf2_sha256} handlers ({@code
 * passlib/handlers/pbkdf2.py}): {@code $pbkdf2-<digest>$<rounds>$<ab64 salt>$<ab64 key>} with a
 * 16-byte salt and a key as long as the digest. The derivation is the JDK's {@code
 * PBKDF2WithHmacSHA512}/{@code SHA256}, which encodes the password as UTF-8 like passlib.
 */
final class Pbkdf2Scheme implements PasswordScheme {

  static final int SALT_BYTES = 16;

  private final String name;
  private final String prefix;
  private final String algorithm;
  private final int keyBytes;
  private final int rounds;
  private final SecureRandom random;

  private Pbkdf2Scheme(
      String digest, String algorithm, int keyBytes, int rounds, SecureRandom random) {
    this.name = "pbkdf2_" + digest;
    this.prefix = "$pbkdf2-" + digest + "$";
    this.algorithm = algorithm;
    this.keyBytes = keyBytes;
    this.rounds = rounds;
    this.random = random;
  }

  static Pbkdf2Scheme sha512(int rounds, SecureRandom random) {
    return new Pbkdf2Scheme("sha512", "PBKDF2WithHmacSHA512", 64, rounds, random);
  }

  static Pbkdf2Scheme sha256(int rounds, SecureRandom random) {
    return new Pbkdf2Scheme("sha256", "PBKDF2WithHmacSHA256", 32, rounds, random);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean identifies(String storedHash) {
    return storedHash.startsWith(prefix);
  }

  @Override
  public String hash(String secret) {
    byte[] salt = HashFormats.randomBytes(random, SALT_BYTES);
    byte[] key = derive(secret, salt, rounds);
    return prefix + rounds + "$" + HashFormats.ab64Encode(salt) + "$" + HashFormats.ab64Encode(key);
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    String[] parts = fields(storedHash);
    if (parts == null) {
      return false;
    }
    try {
      byte[] salt = HashFormats.ab64Decode(parts[1]);
      byte[] expected = HashFormats.ab64Decode(parts[2]);
      if (expected.length != keyBytes) {
        return false;
      }
      return MessageDigest.isEqual(
          derive(secret, salt, HashFormats.parsePositive(parts[0])), expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    String[] parts = fields(storedHash);
    return parts != null && HashFormats.parsePositive(parts[0]) < rounds;
  }

  /** rounds, salt, key; {@code null} unless the shape is right. */
  private String[] fields(String storedHash) {
    if (!identifies(storedHash)) {
      return null;
    }
    String[] parts = storedHash.substring(prefix.length()).split("\\$", -1);
    if (parts.length != 3 || HashFormats.parsePositive(parts[0]) < 1) {
      return null;
    }
    return parts;
  }

  private byte[] derive(String secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PBKDF2 rejected its input", e);
    } finally {
      spec.clearPassword();
    }
  }
}
