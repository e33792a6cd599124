package dev.portcullis.impl.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * passlib's {@code sha256_crypt} and {@code sha512_crypt} handlers ({@code
 * passlib/handlers/sha2_crypt.py}): Ulrich Drepper's SHA-crypt, {@code $5$} / {@code $6$}, with an
 * optional {@code rounds=N$} (absent means 5000, and passlib omits it for 5000). The computation is
 * commons-codec's {@link Sha2Crypt}; this class picks the salt and compares in constant time.
 */
final class ShaCryptScheme implements PasswordScheme {

  static final int SALT_CHARS = 16;
  static final int IMPLICIT_ROUNDS = 5000;

  private static final Pattern FORMAT =
      Pattern.compile("^\\$[56]\\$(?:rounds=(\\d+)\\$)?[./0-9A-Za-z]{0,16}\\$[./0-9A-Za-z]+$");

  private final String name;
  private final String prefix;
  private final int rounds;
  private final SecureRandom random;

  private ShaCryptScheme(String name, String prefix, int rounds, SecureRandom random) {
    this.name = name;
    this.prefix = prefix;
    this.rounds = rounds;
    this.random = random;
  }

  static ShaCryptScheme sha512(int rounds, SecureRandom random) {
    return new ShaCryptScheme("sha512_crypt", "$6$", rounds, random);
  }

  static ShaCryptScheme sha256(int rounds, SecureRandom random) {
    return new ShaCryptScheme("sha256_crypt", "$5$", rounds, random);
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
    String roundsField = rounds == IMPLICIT_ROUNDS ? "" : "rounds=" + rounds + "$";
    return crypt(secret, prefix + roundsField + HashFormats.hash64Salt(random, SALT_CHARS));
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    if (!identifies(storedHash) || !FORMAT.matcher(storedHash).matches()) {
      return false;
    }
    try {
      byte[] computed = crypt(secret, storedHash).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(computed, storedHash.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    Matcher m = FORMAT.matcher(storedHash);
    if (!identifies(storedHash) || !m.matches()) {
      return false;
    }
    int stored = m.group(1) == null ? IMPLICIT_ROUNDS : HashFormats.parsePositive(m.group(1));
    return stored < rounds;
  }

  /** Runs SHA-crypt; {@code setting} may be a whole stored hash (its checksum is ignored). */
  private String crypt(String secret, String setting) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    return "$6$".equals(prefix)
        ? Sha2Crypt.sha512Crypt(key, setting)
        : Sha2Crypt.sha256Crypt(key, setting);
  }
}
