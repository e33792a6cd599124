package dev.portcullis.impl.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Portcullis speaks, and where the application's own texts are.
 *
 * @param defaultLocale {@code security.i18n_default_locale}: used when the request asks for none of
 *     the offered ones, and outside requests
 * @param offered {@code security.i18n_locales}, always including the default
 * @param applicationBundle {@code security.i18n_bundle}: the base name of the application's bundle,
 *     consulted before Portcullis' own ({@link TextBundle}); empty for none
 */
public record LocaleConfig(
    Locale defaultLocale, List<Locale> offered, Optional<String> applicationBundle) {

  public LocaleConfig {
    offered = List.copyOf(offered);
    if (!offered.contains(defaultLocale)) {
      throw new IllegalArgumentException("the default locale must be offered");
    }
  }

  /** Languages without an application bundle. */
  public LocaleConfig(Locale defaultLocale, List<Locale> offered) {
    this(defaultLocale, offered, Optional.empty());
  }

  /** English only, no application bundle: for code and tests outside a configured application. */
  public static LocaleConfig english() {
    return new LocaleConfig(Locale.ENGLISH, List.of(Locale.ENGLISH));
  }

  /**
   * The offered locale that best matches an {@code Accept-Language} header (RFC 4647 lookup, as
   * Flask-Babel's {@code request.accept_languages.best_match}); the default when none matches or
   * the header is missing or malformed.
   */
  public Locale match(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
      return defaultLocale;
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), offered);
      return found == null ? defaultLocale : found;
    } catch (IllegalArgumentException malformed) {
      return defaultLocale;
    }
  }
}
