package dev.portcullis.impl.i18n;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills Flask-Security's {@code %(name)s} (and {@code %(name)d}) placeholders, the syntax of every
 * Portcullis text, so that texts read like Flask-Security's messages in every language.
 */
public final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("%\\((\\w+)\\)[sd]");

  private Placeholders() {}

  /** {@code template} with each placeholder replaced by its value; unknown ones become empty. */
  public static String fill(String template, Map<String, ?> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
