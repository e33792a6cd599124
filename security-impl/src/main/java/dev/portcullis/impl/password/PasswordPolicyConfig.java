package dev.portcullis.impl.password;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Password policy settings beyond the length bounds of {@link PasswordConfig} (spec §2.3, §6.5),
 * built by the central configuration class.
 *
 * @param breachCheck {@code security.password_check_breached}
 * @param breachedCount a password seen at least this often is rejected ({@code
 *     security.password_breached_count})
 * @param breachedUrl base of the k-anonymity range API; the 5-character hash prefix is appended
 *     ({@code security.password_breached_url})
 * @param breachedFile offline range data used instead of the API ({@code
 *     security.password_breached_file}); see {@link PwnedRangeFile} for the format
 * @param connectTimeout connect timeout of the range API ({@code
 *     security.password_breached_connect_timeout})
 * @param readTimeout time allowed for the whole answer of the range API ({@code
 *     security.password_breached_read_timeout})
 * @param complexityChecker {@code security.password_complexity_checker}
 * @param zxcvbnMinimumScore lowest acceptable zxcvbn score, 0–4 ({@code
 *     security.zxcvbn_minimum_score})
 */
public record PasswordPolicyConfig(
    BreachCheck breachCheck,
    int breachedCount,
    URI breachedUrl,
    Optional<Path> breachedFile,
    Duration connectTimeout,
    Duration readTimeout,
    ComplexityChecker complexityChecker,
    int zxcvbnMinimumScore) {

  /** Flask-Security's {@code PASSWORD_BREACHED_COUNT}. */
  public static final int DEFAULT_BREACHED_COUNT = 1;

  /** haveibeenpwned's range API. */
  public static final URI DEFAULT_BREACHED_URL =
      URI.create("https://api.pwnedpasswords.com/range/");

  /** Flask-Security's {@code ZXCVBN_MINIMUM_SCORE}. */
  public static final int DEFAULT_ZXCVBN_MINIMUM_SCORE = 3;

  /** Rejects missing values. */
  public PasswordPolicyConfig {
    Objects.requireNonNull(breachCheck, "breachCheck");
    Objects.requireNonNull(breachedUrl, "breachedUrl");
    Objects.requireNonNull(breachedFile, "breachedFile");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(complexityChecker, "complexityChecker");
  }

  /** Flask-Security's defaults: no breach check, no complexity check. */
  public static PasswordPolicyConfig defaults() {
    return new PasswordPolicyConfig(
        BreachCheck.OFF,
        DEFAULT_BREACHED_COUNT,
        DEFAULT_BREACHED_URL,
        Optional.empty(),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        ComplexityChecker.NONE,
        DEFAULT_ZXCVBN_MINIMUM_SCORE);
  }

  /** {@code security.password_check_breached}. */
  public enum BreachCheck {
    /** No breach check (Flask's falsy values). */
    OFF,
    /** Check; when the breach data cannot be read, accept the password (any truthy value). */
    BEST_EFFORT,
    /** Check; when the breach data cannot be read, reject the password ({@code strict}). */
    STRICT
  }

  /** {@code security.password_complexity_checker}. */
  public enum ComplexityChecker {
    /** No complexity check (Flask's {@code None}). */
    NONE,
    /** zxcvbn's score (Flask's {@code "zxcvbn"}). */
    ZXCVBN
  }
}
