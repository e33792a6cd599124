package dev.portcullis.impl.password;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hashes and verifies passwords exactly as Flask-Security does ({@code utils.py}: {@code
 * hash_password}, {@code verify_and_update_password}, {@code use_double_hash}; {@code
 * password_util.py}: {@code normalize}; spec §6.1–§6.4, §6.7).
 *
 * <p>Hashing: normalize (NFKD by default), pre-hash with HMAC-SHA512 unless the hash scheme is
 * single-hashed, then hash with the configured scheme. Verifying: the scheme is identified from the
 * stored string (first match in {@code schemes} order, like passlib), and the pre-hash decision is
 * taken from <em>that</em> scheme, so older single-hashed hashes keep working.
 *
 * <p>Unlike Flask-Security, the password is also normalized for HTTP Basic callers (the quirk of
 * spec §6.3 is not reproduced), an empty stored hash never verifies (even as plaintext),
 * verification with a malformed stored hash answers "not ok" instead of raising, and {@code
 * plaintext} is not among the default schemes (a stored string no other scheme recognises must not
 * verify as its own password; see {@link PasswordConfig#DEFAULT_SCHEMES}).
 *
 * <p>DoS guard: a password longer than {@link #MAX_INPUT_CHARS} characters (or a stored hash longer
 * than {@link #MAX_STORED_CHARS}) is rejected before any hashing work; the password policy caps
 * real passwords at 128 code points anyway.
 */
public final class PasswordHasher {

  /** Longest password (in UTF-16 chars, before normalization) that is hashed or verified. */
  public static final int MAX_INPUT_CHARS = 4096;

  /** Longest stored hash that is looked at; real hashes are under 200 characters. */
  public static final int MAX_STORED_CHARS = 1024;

  private static final String DUMMY_PASSWORD = "portcullis-timing-equalization";

  private final PasswordConfig config;
  private final HmacPreHash preHash;
  private final PasswordScheme hashScheme;
  private final List<PasswordScheme> accepted;
  private final Set<String> deprecated;

  /**
   * Checks the configuration the way Flask-Security's {@code init_app} does, plus the salt.
   *
   * @param config the settings
   * @param random source of salts
   * @throws IllegalStateException if the configuration is unusable; the message names the key
   */
  public PasswordHasher(PasswordConfig config, SecureRandom random) {
    this.config = config;
    this.preHash = new HmacPreHash(config.passwordSalt());
    this.accepted = new ArrayList<>();
    for (String name : config.schemes()) {
      accepted.add(SchemeCatalog.create(name, config, random));
    }
    this.hashScheme = acceptedScheme(config.hashScheme());
    this.deprecated = resolveDeprecated(config);
    if (isDoubleHashed(config.hashScheme()) && !preHash.configured()) {
      throw HmacPreHash.missingSalt(config.hashScheme());
    }
  }

  /**
   * Applies the configured Unicode normalization ({@code security.password_normalize_form}).
   *
   * @param password the password as typed
   * @return the normalized password, or {@code password} itself if normalization is off
   */
  public String normalize(String password) {
    Normalizer.Form form = config.normalizeForm();
    return form == null ? password : Normalizer.normalize(password, form);
  }

  /**
   * Hashes a new password with the configured scheme.
   *
   * @param password the password as typed (it is normalized here)
   * @return the hash in passlib's format
   * @throws IllegalArgumentException if the password exceeds {@link #MAX_INPUT_CHARS}
   */
  public String hash(String password) {
    if (password.length() > MAX_INPUT_CHARS) {
      throw new IllegalArgumentException("password longer than " + MAX_INPUT_CHARS + " chars");
    }
    return hashScheme.hash(secretFor(hashScheme, normalize(password)));
  }

  /**
   * Verifies a password against a stored hash and tells whether the hash should be replaced.
   *
   * @param password the password as typed (it is normalized here); {@code null} never verifies
   * @param storedHash the stored hash; {@code null}, empty or malformed never verifies
   * @return {@link VerifyResult#FAILED} or a successful result
   * @throws IllegalStateException if the stored scheme needs the pre-hash and no salt is set
   */
  public VerifyResult verify(String password, String storedHash) {
    if (password == null || password.length() > MAX_INPUT_CHARS || !usable(storedHash)) {
      return VerifyResult.FAILED;
    }
    PasswordScheme scheme = identify(storedHash);
    if (scheme == null) {
      return VerifyResult.FAILED;
    }
    String secret = secretFor(scheme, normalize(password));
    if (!safeVerify(scheme, secret, storedHash)) {
      return VerifyResult.FAILED;
    }
    return VerifyResult.ok(deprecated.contains(scheme.name()) || scheme.needsUpdate(storedHash));
  }

  /**
   * Hashes a fixed dummy password with the current scheme, so that a request for an unknown user
   * costs as much as one for a known user (spec §6.7).
   *
   * @return the (useless) hash
   */
  public String dummyHash() {
    return hash(DUMMY_PASSWORD);
  }

  /** Spends the time of one {@link #hash(String)}; see {@link #dummyHash()}. */
  public void equalizeTiming() {
    dummyHash();
  }

  private String secretFor(PasswordScheme scheme, String normalized) {
    return isDoubleHashed(scheme.name()) ? preHash.apply(normalized, scheme.name()) : normalized;
  }

  private boolean isDoubleHashed(String schemeName) {
    return !config.singleHashSchemes().contains(schemeName);
  }

  private PasswordScheme identify(String storedHash) {
    for (PasswordScheme scheme : accepted) {
      if (scheme.identifies(storedHash)) {
        return scheme;
      }
    }
    return null;
  }

  /**
   * Runs the scheme's check. The schemes already turn malformed input into {@code false}; this also
   * covers any unchecked exception a library throws on crafted input, because a stored value must
   * never turn a login into a server error.
   */
  private static boolean safeVerify(PasswordScheme scheme, String secret, String storedHash) {
    try {
      return scheme.verify(secret, storedHash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean usable(String storedHash) {
    return storedHash != null && !storedHash.isEmpty() && storedHash.length() <= MAX_STORED_CHARS;
  }

  private PasswordScheme acceptedScheme(String name) {
    for (PasswordScheme scheme : accepted) {
      if (scheme.name().equals(name)) {
        return scheme;
      }
    }
    throw new IllegalStateException(
        "security.password_hash '"
            + name
            + "' must be one of security.password_schemes "
            + config.schemes());
  }

  private static Set<String> resolveDeprecated(PasswordConfig config) {
    Set<String> result = new HashSet<>();
    for (String name : config.deprecatedSchemes()) {
      if ("auto".equals(name)) {
        result.addAll(config.schemes());
        result.remove(config.hashScheme());
      } else if (!config.schemes().contains(name) || name.equals(config.hashScheme())) {
        throw new IllegalStateException(
            "security.deprecated_password_schemes entry '"
                + name
                + "' must be 'auto' or one of security.password_schemes other than"
                + " security.password_hash");
      } else {
        result.add(name);
      }
    }
    return Set.copyOf(result);
  }
}
