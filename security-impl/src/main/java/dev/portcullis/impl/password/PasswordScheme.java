package dev.portcullis.impl.password;

/**
 * One passlib hash scheme: its name in Flask-Security's configuration, how to recognize its stored
 * strings, and how to produce and check them. Implementations never throw for malformed stored
 * hashes; they answer {@code false}.
 */
interface PasswordScheme {

  /** The passlib name, e.g. {@code "bcrypt"} or {@code "pbkdf2_sha512"}. */
  String name();

  /** Whether {@code storedHash} has this scheme's shape (passlib's {@code identify}). */
  boolean identifies(String storedHash);

  /** Hashes {@code secret} (already normalized and, if applicable, pre-hashed). */
  String hash(String secret);

  /** Checks {@code secret} against {@code storedHash}; {@code false} if malformed. */
  boolean verify(String secret, String storedHash);

  /** Whether {@code storedHash} uses weaker or older parameters than {@link #hash} would. */
  boolean needsUpdate(String storedHash);
}
