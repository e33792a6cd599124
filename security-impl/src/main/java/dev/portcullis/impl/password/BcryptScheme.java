package dev.portcullis.impl.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * passlib's {@code bcrypt} handler ({@code passlib/handlers/bcrypt.py}): writes {@code $2b$},
 * verifies {@code $2a$}, {@code $2b$} and {@code $2y$}. Hashing and the constant-time comparison
 * are at.favre's.
 *
 * <p>bcrypt reads at most 72 bytes. passlib silently truncates longer secrets (Flask-Security's
 * 88-character pre-hash included), so this class truncates the UTF-8 bytes to 72 itself and hands
 * at.favre a secret it never needs to shorten or reject.
 */
final class BcryptScheme implements PasswordScheme {

  static final int MAX_SECRET_BYTES = 72;

  /** {@code $2<ident>$<cost>$}: passlib identifies every bcrypt ident, verifies a, b, y. */
  private static final Pattern PREFIX = Pattern.compile("^\\$2([abxy]?)\\$(\\d\\d)\\$");

  private static final BCrypt.Version WRITTEN = BCrypt.Version.VERSION_2B;

  private final int cost;
  private final BCrypt.Hasher hasher;
  private final BCrypt.Verifyer verifyer;

  BcryptScheme(int cost, SecureRandom random) {
    this.cost = cost;
    this.hasher = BCrypt.with(WRITTEN, random, LongPasswordStrategies.strict(WRITTEN));
    this.verifyer = BCrypt.verifyer(WRITTEN, LongPasswordStrategies.strict(WRITTEN));
  }

  @Override
  public String name() {
    return "bcrypt";
  }

  @Override
  public boolean identifies(String storedHash) {
    return storedHash.startsWith("$2");
  }

  @Override
  public String hash(String secret) {
    byte[] hash = hasher.hash(cost, truncated(secret));
    return new String(hash, StandardCharsets.US_ASCII);
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    Matcher prefix = PREFIX.matcher(storedHash);
    if (!prefix.find() || prefix.group(1).isEmpty() || "x".equals(prefix.group(1))) {
      return false; // $2$ and crypt_blowfish's buggy $2x$ are not supported (as in passlib)
    }
    try {
      byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
      return verifyer.verify(truncated(secret), stored).verified;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    Matcher prefix = PREFIX.matcher(storedHash);
    if (!prefix.find()) {
      return false;
    }
    return !"b".equals(prefix.group(1)) || Integer.parseInt(prefix.group(2)) < cost;
  }

  static byte[] truncated(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= MAX_SECRET_BYTES ? bytes : Arrays.copyOf(bytes, MAX_SECRET_BYTES);
  }
}
