package dev.portcullis.impl.messages;

import dev.portcullis.impl.i18n.CurrentLocale;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.i18n.Placeholders;
import dev.portcullis.impl.i18n.TextBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * Every user-visible text, keyed by Flask-Security's message names ({@code INVALID_PASSWORD}, ...)
 * with {@code %(name)s} placeholders as in Flask (Flask-Security {@code core._default_messages}),
 * in the language of the request being served (Flask-Security's {@code localize_callback} over
 * Flask-Babel).
 *
 * <p>Where a text comes from, first match wins:
 *
 * <ol>
 *   <li>the config key {@code security.msg_<key>} (Flask's {@code SECURITY_MSG_<KEY>}): one text
 *       for every language, as in a Flask application without translations of its own;
 *   <li>the application's bundle ({@code security.i18n_bundle}), then Portcullis' bundle {@code
 *       dev.portcullis.impl.messages.messages}, in the order {@link TextBundle} describes.
 * </ol>
 *
 * {@link Duration} arguments are written in the message's language ({@link #duration}). Categories
 * ({@code error}, {@code info}, {@code success}) are not texts: they come from Portcullis' base
 * bundle only.
 */
@ApplicationScoped
public class Messages {

  static final String BUNDLE = "dev.portcullis.impl.messages.messages";

  private Config config;
  private List<Locale> offered;
  private TextBundle bundle;
  private TextBundle categories;
  private Supplier<Locale> locale;

  /** For CDI. */
  protected Messages() {}

  @Inject
  Messages(Config config, LocaleConfig locales, CurrentLocale current) {
    this(config, locales, current::get);
  }

  /**
   * Messages in {@code locales}' default language, for use outside CDI (the CLI, tests).
   *
   * @param locales the languages and the application's bundle
   */
  public Messages(Config config, LocaleConfig locales) {
    this(config, locales, locales::defaultLocale);
  }

  /** English messages without an application bundle, for use outside CDI. */
  public Messages(Config config) {
    this(config, LocaleConfig.english());
  }

  /** Messages in the language {@code locale} names at each call (tests stand in for requests). */
  Messages(Config config, LocaleConfig locales, Supplier<Locale> locale) {
    ClassLoader own = Messages.class.getClassLoader();
    this.config = config;
    this.offered = locales.offered();
    this.bundle = new TextBundle(BUNDLE, own, locales.applicationBundle());
    this.categories = new TextBundle(BUNDLE, own, Optional.empty());
    this.locale = locale;
  }

  /** The language texts are written in now: the request's, else the default. */
  public Locale locale() {
    return locale.get();
  }

  /** The text of a message in the current language with its placeholders filled in. */
  public String text(String key, Map<String, ?> args) {
    return text(key, args, locale());
  }

  /** The text of a message in {@code language} with its placeholders filled in. */
  public String text(String key, Map<String, ?> args, Locale language) {
    String template =
        config
            .getOptionalValue("security.msg_" + key.toLowerCase(Locale.ROOT), String.class)
            .orElseGet(
                () ->
                    bundle
                        .find(key, language)
                        .orElseThrow(() -> new IllegalArgumentException("No message " + key)));
    return Placeholders.fill(template, localized(args, language));
  }

  /**
   * A duration in whole units in {@code language}, e.g. "5 days" or "5 Tagen" ({@code
   * DURATION_DAYS}). Messages write {@link Duration} arguments this way by themselves.
   */
  public String duration(Duration duration, Locale language) {
    long seconds = duration.toSeconds();
    String unit = "SECOND";
    long count = seconds;
    if (seconds % 86_400 == 0) {
      unit = "DAY";
      count = seconds / 86_400;
    } else if (seconds % 3_600 == 0) {
      unit = "HOUR";
      count = seconds / 3_600;
    } else if (seconds % 60 == 0) {
      unit = "MINUTE";
      count = seconds / 60;
    }
    String key = "DURATION_" + unit + (count == 1 ? "" : "S");
    return text(key, Map.of("count", count), language);
  }

  private Map<String, ?> localized(Map<String, ?> args, Locale language) {
    if (args.values().stream().noneMatch(Duration.class::isInstance)) {
      return args;
    }
    Map<String, Object> values = new HashMap<>(args);
    values.replaceAll((name, value) -> value instanceof Duration d ? duration(d, language) : value);
    return values;
  }

  /** The text of a message without placeholders. */
  public String text(String key) {
    return text(key, Map.of());
  }

  /** The message's category: {@code error}, {@code info} or {@code success}. */
  public String category(String key) {
    return categories
        .find(key + ".category", Locale.ROOT)
        .orElseThrow(() -> new IllegalArgumentException("No message " + key));
  }

  /** Reads the bundles of every offered language at start-up, so a broken one fails the start. */
  void load(@Observes @Initialized(ApplicationScoped.class) Object started) {
    bundle.load(offered);
  }
}
