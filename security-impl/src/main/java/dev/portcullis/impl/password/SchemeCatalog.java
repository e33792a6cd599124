package dev.portcullis.impl.password;

import java.security.SecureRandom;
import java.util.Set;

/**
 * Builds the {@link PasswordScheme} for a passlib scheme name, with the parameters of a {@link
 * PasswordConfig}; the Java side of the {@code CryptContext} Flask-Security builds in {@code
 * core.py} ({@code _get_pwd_context}).
 *
 * <p>The sha256 variants have no setting of their own: they use the rounds of their sha512 sibling
 * ({@code pbkdf2Rounds}, {@code sha512CryptRounds}). passlib's own defaults for them (29000 and
 * 535000) are lower, so they only matter if a sha256 variant is the hash scheme.
 */
final class SchemeCatalog {

  /** Every scheme name this package implements. */
  static final Set<String> SUPPORTED =
      Set.of(
          "bcrypt",
          "argon2",
          "pbkdf2_sha512",
          "pbkdf2_sha256",
          "sha512_crypt",
          "sha256_crypt",
          "des_crypt",
          "plaintext");

  private SchemeCatalog() {}

  /**
   * The scheme called {@code name}.
   *
   * @throws IllegalStateException if {@code name} is not supported (a configuration error)
   */
  static PasswordScheme create(String name, PasswordConfig config, SecureRandom random) {
    switch (name) {
      case "bcrypt":
        return new BcryptScheme(config.bcryptRounds(), random);
      case "argon2":
        return new Argon2Scheme(
            config.argon2TimeCost(), config.argon2MemoryKib(), config.argon2Parallelism(), random);
      case "pbkdf2_sha512":
        return Pbkdf2Scheme.sha512(config.pbkdf2Rounds(), random);
      case "pbkdf2_sha256":
        return Pbkdf2Scheme.sha256(config.pbkdf2Rounds(), random);
      case "sha512_crypt":
        return ShaCryptScheme.sha512(config.sha512CryptRounds(), random);
      case "sha256_crypt":
        return ShaCryptScheme.sha256(config.sha512CryptRounds(), random);
      case "des_crypt":
        return new DesCryptScheme(random);
      case "plaintext":
        return new PlaintextScheme();
      default:
        throw new IllegalStateException(
            "Unsupported password scheme '"
                + name
                + "' in security.password_schemes; supported: "
                + SUPPORTED);
    }
  }
}
