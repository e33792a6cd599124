package dev.portcullis.impl.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Typed reads of {@link ConfigKey}s from MicroProfile Config, falling back to each key's default. A
 * value that does not parse fails with a {@link ConfigurationException} naming the key.
 */
final class Settings {

  private final Config config;

  Settings(Config config) {
    this.config = config;
  }

  /** The raw value or the key's default; empty only for required keys that are unset. */
  Optional<String> raw(ConfigKey key) {
    Optional<String> value = config.getOptionalValue(key.property(), String.class);
    return value.or(() -> Optional.ofNullable(key.defaultValue()));
  }

  /** A property that is not Portcullis' own (no default), e.g. a MicroProfile key. */
  Optional<String> foreign(String property) {
    return config.getOptionalValue(property, String.class);
  }

  String string(ConfigKey key) {
    return raw(key).orElseThrow(() -> new ConfigurationException(key, "must be set"));
  }

  /** Empty for {@code none} or blank. */
  Optional<String> optionalString(ConfigKey key) {
    return raw(key).map(String::trim).filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("none"));
  }

  boolean bool(ConfigKey key) {
    String value = string(key).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default ->
          throw new ConfigurationException(key, "must be true or false, not '" + value + "'");
    };
  }

  int integer(ConfigKey key) {
    return parse(key, Integer::parseInt, "must be a whole number");
  }

  /** Empty for {@code none}. */
  Optional<Duration> duration(ConfigKey key) {
    return parse(key, DurationValue::parse, "must be a duration such as '1 days' or PT1H");
  }

  /** Comma-separated, trimmed, blanks dropped. */
  List<String> list(ConfigKey key) {
    return Arrays.stream(string(key).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  <T> T parse(ConfigKey key, Function<String, T> parser, String expectation) {
    String value = string(key).trim();
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new ConfigurationException(key, expectation + ", not '" + value + "'");
    }
  }

  /** A duration that must not be {@code none}. */
  Duration requiredDuration(ConfigKey key) {
    return duration(key)
        .orElseThrow(() -> new ConfigurationException(key, "must be a duration, not none"));
  }

  /** A duration that must be positive. */
  Duration positiveDuration(ConfigKey key) {
    Duration duration = requiredDuration(key);
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigurationException(key, "must be positive");
    }
    return duration;
  }
}
