package dev.portcullis.impl.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.apache.commons.codec.digest.UnixCrypt;

/**
 * passlib's {@code des_crypt} handler ({@code passlib/handlers/des_crypt.py}): traditional
 * 13-character crypt(3), a 2-character salt and an 11-character checksum; only the first 8 bytes of
 * the secret count. Accepted for verifying imported hashes only; never a sensible {@code
 * hashScheme}. The computation is commons-codec's {@link UnixCrypt}.
 */
final class DesCryptScheme implements PasswordScheme {

  static final int LENGTH = 13;

  private final SecureRandom random;

  DesCryptScheme(SecureRandom random) {
    this.random = random;
  }

  @Override
  public String name() {
    return "des_crypt";
  }

  @Override
  public boolean identifies(String storedHash) {
    return storedHash.length() == LENGTH && HashFormats.isHash64(storedHash);
  }

  @Override
  public String hash(String secret) {
    return crypt(secret, HashFormats.hash64Salt(random, 2));
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    if (!identifies(storedHash)) {
      return false;
    }
    byte[] computed = crypt(secret, storedHash.substring(0, 2)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(computed, storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    return false;
  }

  private static String crypt(String secret, String salt) {
    return UnixCrypt.crypt(secret.getBytes(StandardCharsets.UTF_8), salt);
  }
}
