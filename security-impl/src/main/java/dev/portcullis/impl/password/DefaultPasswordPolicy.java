package dev.portcullis.impl.password;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordPolicyConfig.BreachCheck;
import dev.portcullis.impl.password.PasswordPolicyConfig.ComplexityChecker;
import dev.portcullis.spi.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default {@link PasswordPolicy}, Flask-Security's {@code PasswordUtil.validate} ({@code
 * password_util.py}, {@code utils.password_length_validator}, {@code password_breached_validator},
 * {@code password_complexity_validator}; spec §6.5). Checks run in Flask's order and stop at the
 * first failing category: length, breached, complexity.
 *
 * <p>Beyond Flask: when new hashes are bcrypt without the HMAC pre-hash, a password over 72 UTF-8
 * bytes is refused with {@code PASSWORD_TOO_LONG_FOR_HASH}. bcrypt ignores everything after byte
 * 72, so such a password would silently share its hash with every password of the same first 72
 * bytes (passlib truncates without a word). Flask's {@code PASSWORD_INVALID_LENGTH} text ("at least
 * N characters") would be wrong for this case, hence a message of its own.
 */
@ApplicationScoped
public class DefaultPasswordPolicy implements PasswordPolicy {

  private static final Logger LOG = Logger.getLogger(DefaultPasswordPolicy.class.getName());

  private PasswordConfig passwords;
  private PasswordPolicyConfig policy;
  private Messages messages;
  private BreachSource breaches;
  private ZxcvbnEstimator zxcvbn;

  /** For CDI. */
  protected DefaultPasswordPolicy() {}

  @Inject
  public DefaultPasswordPolicy(
      PasswordConfig passwords, PasswordPolicyConfig policy, Messages messages) {
    this.passwords = passwords;
    this.policy = policy;
    this.messages = messages;
    this.breaches =
        policy.breachCheck() == BreachCheck.OFF
            ? null
            : policy
                .breachedFile()
                .<BreachSource>map(PwnedRangeFile::new)
                .orElseGet(
                    () ->
                        new PwnedRangeClient(
                            policy.breachedUrl(), policy.connectTimeout(), policy.readTimeout()));
    this.zxcvbn =
        policy.complexityChecker() == ComplexityChecker.ZXCVBN ? new ZxcvbnEstimator() : null;
  }

  @Override
  public List<String> check(String password, Context context) {
    return lengthProblem(password)
        .or(() -> breachProblem(password))
        .or(() -> complexityProblem(password, context))
        .map(List::of)
        .orElse(List.of());
  }

  private Optional<String> lengthProblem(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < passwords.lengthMin() || length > passwords.lengthMax()) {
      return Optional.of(
          messages.text("PASSWORD_INVALID_LENGTH", Map.of("length", passwords.lengthMin())));
    }
    if (bcryptSingleHash()
        && password.getBytes(StandardCharsets.UTF_8).length > BcryptScheme.MAX_SECRET_BYTES) {
      return Optional.of(
          messages.text(
              "PASSWORD_TOO_LONG_FOR_HASH", Map.of("bytes", BcryptScheme.MAX_SECRET_BYTES)));
    }
    return Optional.empty();
  }

  /** With the pre-hash, bcrypt sees a fixed 88-character digest, so the limit does not apply. */
  private boolean bcryptSingleHash() {
    return "bcrypt".equals(passwords.hashScheme())
        && passwords.singleHashSchemes().contains("bcrypt");
  }

  private Optional<String> breachProblem(String password) {
    if (breaches == null) {
      return Optional.empty();
    }
    BreachLookup lookup = breaches.lookup(sha1Hex(password));
    if (lookup instanceof BreachLookup.Seen seen) {
      return seen.times() >= policy.breachedCount()
          ? Optional.of(messages.text("PASSWORD_BREACHED"))
          : Optional.empty();
    }
    String reason = ((BreachLookup.Unavailable) lookup).reason();
    LOG.log(Level.WARNING, "Breached-password check not possible: {0}", reason);
    return policy.breachCheck() == BreachCheck.STRICT
        ? Optional.of(messages.text("PASSWORD_BREACHED_SITE_ERROR"))
        : Optional.empty();
  }

  private Optional<String> complexityProblem(String password, Context context) {
    if (zxcvbn == null) {
      return Optional.empty();
    }
    ZxcvbnEstimator.Estimate estimate = zxcvbn.estimate(password, context.userInputs());
    if (estimate.score() >= policy.zxcvbnMinimumScore()) {
      return Optional.empty();
    }
    return Optional.of(estimate.warning().orElseGet(() -> messages.text("PASSWORD_TOO_SIMPLE")));
  }

  /** SHA-1 of the UTF-8 bytes in upper-case hex, the range API's hash (not a password hash). */
  static String sha1Hex(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
