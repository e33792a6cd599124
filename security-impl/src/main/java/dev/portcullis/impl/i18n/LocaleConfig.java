package dev.portcullis.impl.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages Portcullis speaks.
 *
 * @param defaultLocale {@code security.i18n_default_locale}: used when the request asks for none of
 *     the offered ones, and outside requests
 * @param offered {@code security.i18n_locales}, always including the default
 */
public record LocaleConfig(Locale defaultLocale, List<Locale> offered) {

  public LocaleConfig {
    offered = List.copyOf(offered);
    if (!offered.contains(defaultLocale)) {
      throw new IllegalArgumentException("the default locale must be offered");
    }
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
