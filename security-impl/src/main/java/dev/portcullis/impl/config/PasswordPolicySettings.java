package dev.portcullis.impl.config;

import dev.portcullis.impl.password.PasswordPolicyConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads the password-policy keys (spec §2.3, §6.5) into {@link PasswordPolicyConfig}. */
final class PasswordPolicySettings {

  private final Settings settings;

  PasswordPolicySettings(Settings settings) {
    this.settings = settings;
  }

  PasswordPolicyConfig read() {
    return readPasswordPolicy();
  }

  private PasswordPolicyConfig readPasswordPolicy() {
    int count = settings.integer(PolicyKey.PASSWORD_BREACHED_COUNT);
    if (count < 1) {
      throw new ConfigurationException(PolicyKey.PASSWORD_BREACHED_COUNT, "must be at least 1");
    }
    int score = settings.integer(PolicyKey.ZXCVBN_MINIMUM_SCORE);
    if (score < 0 || score > 4) {
      throw new ConfigurationException(PolicyKey.ZXCVBN_MINIMUM_SCORE, "must be 0 to 4");
    }
    return new PasswordPolicyConfig(
        breachCheck(),
        count,
        breachedUrl(),
        breachedFile(),
        settings.positiveDuration(PolicyKey.PASSWORD_BREACHED_CONNECT_TIMEOUT),
        settings.positiveDuration(PolicyKey.PASSWORD_BREACHED_READ_TIMEOUT),
        complexityChecker(),
        score);
  }

  /** Flask: "strict" fails closed, any other truthy value is best-effort. */
  private PasswordPolicyConfig.BreachCheck breachCheck() {
    String value = settings.optionalString(PolicyKey.PASSWORD_CHECK_BREACHED).orElse("false");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "false", "0", "no", "off" -> PasswordPolicyConfig.BreachCheck.OFF;
      case "strict" -> PasswordPolicyConfig.BreachCheck.STRICT;
      default -> PasswordPolicyConfig.BreachCheck.BEST_EFFORT;
    };
  }

  private URI breachedUrl() {
    URI url =
        settings.parse(PolicyKey.PASSWORD_BREACHED_URL, URI::create, "must be an http(s) URL");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigurationException(
          PolicyKey.PASSWORD_BREACHED_URL, "must be an http(s) URL, not '" + url + "'");
    }
    return url;
  }

  private Optional<Path> breachedFile() {
    Optional<Path> path = settings.optionalString(PolicyKey.PASSWORD_BREACHED_FILE).map(Path::of);
    if (path.isPresent() && !Files.isReadable(path.get())) {
      throw new ConfigurationException(
          PolicyKey.PASSWORD_BREACHED_FILE,
          "must name a readable file or directory; '" + path.get() + "' is not");
    }
    return path;
  }

  private PasswordPolicyConfig.ComplexityChecker complexityChecker() {
    Optional<String> value = settings.optionalString(PolicyKey.PASSWORD_COMPLEXITY_CHECKER);
    if (value.isEmpty()) {
      return PasswordPolicyConfig.ComplexityChecker.NONE;
    }
    if (value.get().equalsIgnoreCase("zxcvbn")) {
      return PasswordPolicyConfig.ComplexityChecker.ZXCVBN;
    }
    throw new ConfigurationException(
        PolicyKey.PASSWORD_COMPLEXITY_CHECKER, "must be zxcvbn or none, not '" + value.get() + "'");
  }
}
