package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.i18n.TextBundle;
import dev.portcullis.test.TranslationCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailTextsTest {

  private static final Pattern TEXT_USE = Pattern.compile("\\{\\{text\\.(\\w+)}}");

  private final MailTexts texts = new MailTexts(LocaleConfig.english());

  @Test
  void bundleWhenEveryOfferedLanguageThenEveryKeyTranslatedWithItsPlaceholders() {
    TranslationCheck.of(MailTexts.BUNDLE).assertComplete(Locale.GERMAN, Locale.FRENCH);
  }

  @Test
  void textsWhenEveryTemplateThenEveryPartItUsesExistsAndEveryTextIsUsed() {
    Map<String, String> english =
        new TextBundle(MailTexts.BUNDLE, MailTexts.class.getClassLoader(), Optional.empty())
            .withPrefix("mail.", Locale.ENGLISH);
    Set<String> unused = new HashSet<>(english.keySet());
    for (MailTemplate template : MailTemplate.values()) {
      Set<String> used = textParts(template, "txt");
      used.addAll(textParts(template, "html"));

      assertThat(texts.texts(template, Locale.ENGLISH, Map.of()).keySet())
          .as(template + " has a text for every part it shows")
          .containsAll(used);
      used.forEach(
          part -> {
            unused.remove(part);
            unused.remove(template.templateName() + "." + part);
          });
    }
    assertThat(unused).as("texts no template shows").isEmpty();
  }

  @Test
  void textsWhenGermanThenGermanWithPlaceholdersFilled() {
    Map<String, String> german =
        texts.texts(
            MailTemplate.WELCOME_EXISTING_USERNAME,
            Locale.GERMAN,
            Map.of("email", "ann@example.com", "username", "ann"));

    assertThat(german.get("greeting")).isEqualTo("Hallo ann@example.com,");
    assertThat(german.get("intro")).contains("mit dem Benutzernamen „ann“ anlegen");
  }

  @Test
  void textsWhenTemplateHasItsOwnVersionOfACommonPartThenItsOwnWins() {
    assertThat(
            texts
                .texts(MailTemplate.CHANGE_EMAIL_INSTRUCTIONS, Locale.FRENCH, Map.of())
                .get("greeting"))
        .isEqualTo("Bonjour,");
    assertThat(texts.texts(MailTemplate.RESET_NOTICE, Locale.FRENCH, Map.of("email", "a@b.fr")))
        .containsEntry("greeting", "Bonjour a@b.fr,");
  }

  private static Set<String> textParts(MailTemplate template, String kind) {
    String name = MustacheTemplates.ROOT + template.templateName() + "." + kind + ".mustache";
    try (InputStream in = MailTextsTest.class.getClassLoader().getResourceAsStream(name)) {
      Matcher matcher = TEXT_USE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Set<String> parts = new HashSet<>();
      while (matcher.find()) {
        parts.add(matcher.group(1));
      }
      return parts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
