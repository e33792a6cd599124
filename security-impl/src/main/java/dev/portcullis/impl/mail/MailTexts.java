package dev.portcullis.impl.mail;

import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.i18n.Placeholders;
import dev.portcullis.impl.i18n.TextBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The prose of the mails, so that the templates hold only layout and every language shares them:
 * the texts of bundle {@value #BUNDLE} (with the application's bundle over it, see {@link
 * TextBundle}), which a template shows as {@code {{text.<part>}}}. A template gets the {@code
 * mail.<part>} texts, and its own {@code mail.<template>.<part>} texts in their place where the
 * names meet.
 */
@ApplicationScoped
public class MailTexts {

  static final String BUNDLE = "dev.portcullis.impl.mail.mail";
  private static final String PREFIX = "mail.";

  private TextBundle bundle;
  private List<Locale> offered;

  /** For CDI. */
  protected MailTexts() {}

  /** The texts in {@code locales}' languages, the application's bundle first. */
  @Inject
  public MailTexts(LocaleConfig locales) {
    this.bundle =
        new TextBundle(BUNDLE, MailTexts.class.getClassLoader(), locales.applicationBundle());
    this.offered = locales.offered();
  }

  /**
   * The texts of {@code template} in {@code locale}, by part name, with {@code %(name)s} filled
   * from {@code values}.
   */
  public Map<String, String> texts(MailTemplate template, Locale locale, Map<String, ?> values) {
    Map<String, String> texts = new HashMap<>();
    bundle
        .withPrefix(PREFIX, locale)
        .forEach(
            (part, text) -> {
              if (part.indexOf('.') < 0) {
                texts.put(part, Placeholders.fill(text, values));
              }
            });
    bundle
        .withPrefix(PREFIX + template.templateName() + ".", locale)
        .forEach((part, text) -> texts.put(part, Placeholders.fill(text, values)));
    return texts;
  }

  /** Reads the bundles of every offered language at start-up, so a broken one fails the start. */
  void load(@Observes @Initialized(ApplicationScoped.class) Object started) {
    bundle.load(offered);
  }
}
