package dev.portcullis.impl.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language of the current request: its {@code Accept-Language} matched against {@code
 * security.i18n_locales}. Pages use it as {@code #{portcullisLocale.locale}} and {@code
 * #{portcullisLocale.languageTag}}; {@link CurrentLocale} gives it to code that may also run
 * outside a request.
 */
@Named("portcullisLocale")
@RequestScoped
public class RequestLocale {

  @Inject LocaleConfig config;
  @Inject HttpServletRequest request;

  private Locale locale;

  /** The matched locale. */
  public Locale getLocale() {
    if (locale == null) {
      locale = config.match(request.getHeader("Accept-Language"));
    }
    return locale;
  }

  /** The locale as a BCP 47 tag, for {@code <html lang>}. */
  public String getLanguageTag() {
    return getLocale().toLanguageTag();
  }
}
