package dev.portcullis.web.layout;

import dev.portcullis.impl.i18n.CurrentLocale;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.i18n.Placeholders;
import dev.portcullis.impl.i18n.TextBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The texts of Portcullis' pages — titles, headings, labels, buttons, links and hints — in the
 * language of the request: bundle {@value #BUNDLE} with the application's bundle ({@code
 * security.i18n_bundle}) over it, in the order {@link TextBundle} describes. Every key starts with
 * {@code page.}, so the application's one bundle holds message, mail and page texts side by side.
 *
 * <p>Views read it as a map, {@code #{portcullisText['page.login_user.title']}}; beans call {@link
 * #text(String, Map)} for texts with {@code %(name)s} placeholders.
 */
@Named("portcullisText")
@ApplicationScoped
public class PageTexts extends AbstractMap<String, String> {

  static final String BUNDLE = "dev.portcullis.web.layout.pages";
  private static final String PREFIX = "page.";

  private TextBundle bundle;
  private List<Locale> offered;
  private CurrentLocale current;

  /** For CDI. */
  protected PageTexts() {}

  @Inject
  PageTexts(LocaleConfig locales, CurrentLocale current) {
    this.bundle =
        new TextBundle(BUNDLE, PageTexts.class.getClassLoader(), locales.applicationBundle());
    this.offered = locales.offered();
    this.current = current;
  }

  /**
   * The text of {@code key} in the request's language, as written (placeholders unfilled).
   *
   * @throws IllegalArgumentException for a key no bundle has: a typo in a view fails loudly
   */
  @Override
  public String get(Object key) {
    return template(String.valueOf(key), current.get());
  }

  /** The text of {@code key} in the request's language with its placeholders filled in. */
  public String text(String key, Map<String, ?> values) {
    return Placeholders.fill(template(key, current.get()), values);
  }

  @Override
  public boolean containsKey(Object key) {
    return bundle.find(String.valueOf(key), current.get()).isPresent();
  }

  /** Every page text in the request's language (for completeness of the map view). */
  @Override
  public Set<Entry<String, String>> entrySet() {
    Map<String, String> all = new HashMap<>();
    bundle.withPrefix(PREFIX, current.get()).forEach((rest, text) -> all.put(PREFIX + rest, text));
    return Map.copyOf(all).entrySet();
  }

  private String template(String key, Locale locale) {
    return bundle
        .find(key, locale)
        .orElseThrow(() -> new IllegalArgumentException("No page text " + key));
  }

  /** Reads the bundles of every offered language at start-up, so a broken one fails the start. */
  void load(@Observes @Initialized(ApplicationScoped.class) Object started) {
    bundle.load(offered);
  }
}
