package dev.portcullis.impl.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses durations the way Flask-Security writes them ({@code "1 days"}, {@code "30 minutes"}), as
 * ISO-8601 ({@code PT30M}) or as plain seconds ({@code 3600}). {@code none} means "no limit".
 */
final class DurationValue {

  private DurationValue() {}

  /**
   * @return empty for {@code none}/blank, else the duration (may be negative)
   * @throws IllegalArgumentException for text that is none of the accepted forms
   */
  static Optional<Duration> parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty() || value.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (value.matches("-?\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    if (value.toUpperCase(Locale.ROOT).startsWith("P")
        || value.toUpperCase(Locale.ROOT).startsWith("-P")) {
      try {
        return Optional.of(Duration.parse(value));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: " + value, e);
      }
    }
    String[] parts = value.split("\\s+");
    if (parts.length != 2 || !parts[0].matches("-?\\d+")) {
      throw new IllegalArgumentException("expected '<number> <unit>', e.g. '1 days': " + value);
    }
    long amount = Long.parseLong(parts[0]);
    return Optional.of(ofUnit(amount, parts[1].toLowerCase(Locale.ROOT)));
  }

  private static Duration ofUnit(long amount, String unit) {
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    return switch (singular) {
      case "second" -> Duration.ofSeconds(amount);
      case "minute" -> Duration.ofMinutes(amount);
      case "hour" -> Duration.ofHours(amount);
      case "day" -> Duration.ofDays(amount);
      case "week" -> Duration.ofDays(amount * 7);
      default -> throw new IllegalArgumentException("unknown time unit: " + unit);
    };
  }
}
