package dev.portcullis.impl.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Every user-visible text, keyed by Flask-Security's message names ({@code INVALID_PASSWORD}, ...)
 * with {@code %(name)s} placeholders as in Flask (Flask-Security {@code core._default_messages}).
 *
 * <p>Texts come from the bundle {@code dev.portcullis.impl.messages.messages}; an application
 * overrides one with the config key {@code security.msg_<key>} (Flask's {@code SECURITY_MSG_<KEY>})
 * or translates them by adding {@code messages_<locale>.properties} to the same bundle name.
 */
@ApplicationScoped
public class Messages {

  private static final Pattern PLACEHOLDER = Pattern.compile("%\\((\\w+)\\)[sd]");
  private static final String BUNDLE = "dev.portcullis.impl.messages.messages";

  private Config config;

  /** For CDI. */
  protected Messages() {}

  /** Messages over the given configuration (for use outside CDI, e.g. the CLI). */
  @Inject
  public Messages(Config config) {
    this.config = config;
  }

  /** The text of a message with its placeholders filled in. */
  public String text(String key, Map<String, ?> args) {
    String template =
        config
            .getOptionalValue("security.msg_" + key.toLowerCase(Locale.ROOT), String.class)
            .orElseGet(() -> bundleText(key));
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      Object value = args.get(matcher.group(1));
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** The text of a message without placeholders. */
  public String text(String key) {
    return text(key, Map.of());
  }

  /** The message's category: {@code error}, {@code info} or {@code success}. */
  public String category(String key) {
    return bundleText(key + ".category");
  }

  private static String bundleText(String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("No message " + key, e);
    }
  }
}
