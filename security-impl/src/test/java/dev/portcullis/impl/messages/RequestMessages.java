package dev.portcullis.impl.messages;

import dev.portcullis.impl.i18n.LocaleConfig;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/** {@link Messages} as a request asking for one language sees them, for unit tests. */
public final class RequestMessages {

  private RequestMessages() {}

  /** Messages over {@code config} whose every call stands for a request for {@code language}. */
  public static Messages asking(Config config, LocaleConfig locales, Locale language) {
    return new Messages(config, locales, () -> language);
  }
}
