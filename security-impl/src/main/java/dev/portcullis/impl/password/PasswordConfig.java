package dev.portcullis.impl.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Password hashing settings, the typed twin of Flask-Security's {@code SECURITY_PASSWORD_*} keys
 * (spec §2.3). Built by the central configuration class; {@link #defaults(String)} gives
 * Flask-Security 5.4's defaults with passlib 1.7.4's per-scheme defaults.
 *
 * @param hashScheme scheme for new hashes ({@code security.password_hash}); must be in {@code
 *     schemes}
 * @param passwordSalt HMAC key of the pre-hash ({@code security.password_salt}); may be {@code
 *     null} when no scheme in use is pre-hashed
 * @param singleHashSchemes schemes that are not pre-hashed ({@code security.password_single_hash});
 *     Flask's {@code True} maps to every scheme name, a falsy value to {@code {"plaintext"}}
 * @param schemes schemes accepted when verifying, in identification order ({@code
 *     security.password_schemes}); {@code plaintext} belongs last because it matches anything. It
 *     is accepted only when configured: listed here, or as {@code hashScheme} (then it is added
 *     last)
 * @param deprecatedSchemes schemes re-hashed after a successful verification ({@code
 *     security.deprecated_password_schemes}); {@code "auto"} means every scheme but {@code
 *     hashScheme}
 * @param bcryptRounds bcrypt cost (log2 of the iterations)
 * @param argon2TimeCost argon2 iterations (Flask sets passlib's {@code argon2__rounds=10})
 * @param argon2MemoryKib argon2 memory in KiB
 * @param argon2Parallelism argon2 lanes
 * @param pbkdf2Rounds PBKDF2 iterations for {@code pbkdf2_sha512} (and {@code pbkdf2_sha256})
 * @param sha512CryptRounds SHA-crypt rounds for {@code sha512_crypt} (and {@code sha256_crypt})
 * @param normalizeForm Unicode form applied before hashing and verifying; {@code null} = off
 * @param lengthMin minimum password length in code points, after normalization
 * @param lengthMax maximum password length in code points, after normalization
 */
public record PasswordConfig(
    String hashScheme,
    String passwordSalt,
    Set<String> singleHashSchemes,
    List<String> schemes,
    List<String> deprecatedSchemes,
    int bcryptRounds,
    int argon2TimeCost,
    int argon2MemoryKib,
    int argon2Parallelism,
    int pbkdf2Rounds,
    int sha512CryptRounds,
    Normalizer.Form normalizeForm,
    int lengthMin,
    int lengthMax) {

  /** Flask-Security's {@code PASSWORD_SINGLE_HASH} default. */
  public static final Set<String> DEFAULT_SINGLE_HASH_SCHEMES =
      Set.of(
          "django_argon2",
          "django_bcrypt_sha256",
          "django_pbkdf2_sha256",
          "django_pbkdf2_sha1",
          "django_bcrypt",
          "django_salted_md5",
          "django_salted_sha1",
          "django_des_crypt",
          "plaintext");

  /**
   * Flask-Security's {@code PASSWORD_SCHEMES} default without {@code plaintext}: as a fallback that
   * identifies every string, plaintext let an imported hash of a format no scheme recognises (say
   * {@code $1$...} or {@code {SSHA}...}) verify against the hash string itself.
   */
  public static final List<String> DEFAULT_SCHEMES =
      List.of(
          "bcrypt",
          "argon2",
          "des_crypt",
          "pbkdf2_sha256",
          "pbkdf2_sha512",
          "sha256_crypt",
          "sha512_crypt");

  private static final String PLAINTEXT = "plaintext";

  /** passlib 1.7.4 {@code bcrypt.default_rounds}. */
  public static final int DEFAULT_BCRYPT_ROUNDS = 12;

  /** Flask-Security's {@code PASSWORD_HASH_PASSLIB_OPTIONS = {"argon2__rounds": 10}}. */
  public static final int DEFAULT_ARGON2_TIME_COST = 10;

  /** passlib 1.7.4 {@code argon2.memory_cost} (KiB). */
  public static final int DEFAULT_ARGON2_MEMORY_KIB = 102_400;

  /** passlib 1.7.4 {@code argon2.parallelism}. */
  public static final int DEFAULT_ARGON2_PARALLELISM = 8;

  /** passlib 1.7.4 {@code pbkdf2_sha512.default_rounds}. */
  public static final int DEFAULT_PBKDF2_ROUNDS = 25_000;

  /** passlib 1.7.4 {@code sha512_crypt.default_rounds}. */
  public static final int DEFAULT_SHA512_CRYPT_ROUNDS = 656_000;

  /** Flask-Security's built-in hard maximum password length. */
  public static final int DEFAULT_LENGTH_MAX = 128;

  /**
   * Copies the collections, rejects missing required values, and accepts {@code plaintext} last
   * when it is the hash scheme: choosing it for new hashes is the explicit opt-in.
   */
  public PasswordConfig {
    Objects.requireNonNull(hashScheme, "hashScheme");
    singleHashSchemes = Set.copyOf(singleHashSchemes);
    if (PLAINTEXT.equals(hashScheme) && !schemes.contains(PLAINTEXT)) {
      List<String> withPlaintext = new ArrayList<>(schemes);
      withPlaintext.add(PLAINTEXT);
      schemes = withPlaintext;
    }
    schemes = List.copyOf(schemes);
    deprecatedSchemes = List.copyOf(deprecatedSchemes);
  }

  /**
   * Flask-Security's defaults: bcrypt for new hashes, every other default scheme accepted and
   * deprecated (plaintext not accepted), NFKD, length 8 to 128.
   *
   * @param passwordSalt the HMAC key ({@code security.password_salt}), may be {@code null}
   * @return the default configuration
   */
  public static PasswordConfig defaults(String passwordSalt) {
    return new PasswordConfig(
        "bcrypt",
        passwordSalt,
        DEFAULT_SINGLE_HASH_SCHEMES,
        DEFAULT_SCHEMES,
        List.of("auto"),
        DEFAULT_BCRYPT_ROUNDS,
        DEFAULT_ARGON2_TIME_COST,
        DEFAULT_ARGON2_MEMORY_KIB,
        DEFAULT_ARGON2_PARALLELISM,
        DEFAULT_PBKDF2_ROUNDS,
        DEFAULT_SHA512_CRYPT_ROUNDS,
        Normalizer.Form.NFKD,
        8,
        DEFAULT_LENGTH_MAX);
  }
}
