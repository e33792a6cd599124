package dev.portcullis.impl.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.test.TranslationCheck;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {

  private static final LocaleConfig OFFERED =
      new LocaleConfig(Locale.ENGLISH, List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH));

  @TempDir Path application;

  private static Messages asking(Locale language) {
    return RequestMessages.asking(new MapConfig(Map.of()), OFFERED, language);
  }

  @Test
  void bundleWhenEveryOfferedLanguageThenEveryKeyTranslatedWithItsPlaceholders() {
    TranslationCheck.of(Messages.BUNDLE)
        .ignoringKeys(key -> key.endsWith(".category"))
        .assertComplete(Locale.GERMAN, Locale.FRENCH);
  }

  @Test
  void textWhenGermanRequestThenGermanWithPlaceholdersFilled() {
    assertThat(asking(Locale.GERMAN).text("CONFIRMATION_REQUEST", Map.of("email", "a@b.de")))
        .isEqualTo("Wir haben eine Anleitung zur Bestätigung an a@b.de geschickt.");
    assertThat(asking(Locale.FRENCH).text("INVALID_PASSWORD"))
        .isEqualTo("Le mot de passe est incorrect.");
  }

  @Test
  void textWhenRegionalLocaleThenItsLanguage() {
    assertThat(asking(Locale.forLanguageTag("de-AT")).text("INVALID_PASSWORD"))
        .isEqualTo("Das Passwort ist falsch.");
  }

  @Test
  void textWhenLanguageWithoutBundleThenEnglish() {
    assertThat(asking(Locale.forLanguageTag("ja")).text("INVALID_PASSWORD"))
        .isEqualTo("The password is wrong.");
  }

  @Test
  void textWhenJvmDefaultLocaleGermanAndEnglishRequestThenEnglish() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMAN);
    try {
      assertThat(asking(Locale.ENGLISH).text("INVALID_PASSWORD"))
          .isEqualTo("The password is wrong.");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void textWhenOutsideRequestsThenDefaultLanguage() {
    Messages german =
        new Messages(
            new MapConfig(Map.of()),
            new LocaleConfig(Locale.GERMAN, List.of(Locale.GERMAN, Locale.ENGLISH)));

    assertThat(german.text("INVALID_PASSWORD")).isEqualTo("Das Passwort ist falsch.");
    assertThat(new Messages(new MapConfig(Map.of())).text("INVALID_PASSWORD"))
        .isEqualTo("The password is wrong.");
  }

  @Test
  void textWhenConfigOverrideThenSameTextInEveryLanguage() {
    MapConfig config = new MapConfig(Map.of("security.msg_invalid_password", "Nope, %(who)s."));

    for (Locale language : OFFERED.offered()) {
      assertThat(
              RequestMessages.asking(config, OFFERED, language)
                  .text("INVALID_PASSWORD", Map.of("who", "Ann")))
          .isEqualTo("Nope, Ann.");
    }
  }

  @Test
  void textWhenApplicationBundleHasLanguageThenItsTextThereAndPortcullisElsewhere()
      throws Exception {
    write("myapp/texts_de.properties", "INVALID_PASSWORD=Falsches Passwort, %(who)s!\n");
    write("myapp/texts.properties", "INVALID_PASSWORD=Wrong password!\n");
    LocaleConfig locales =
        new LocaleConfig(Locale.ENGLISH, OFFERED.offered(), Optional.of("myapp.texts"));

    Map<Locale, Messages> byLanguage = withApplicationLoader(locales);

    assertThat(byLanguage.get(Locale.GERMAN).text("INVALID_PASSWORD", Map.of("who", "Ann")))
        .isEqualTo("Falsches Passwort, Ann!");
    assertThat(byLanguage.get(Locale.ENGLISH).text("INVALID_PASSWORD"))
        .isEqualTo("Wrong password!");
    assertThat(byLanguage.get(Locale.FRENCH).text("INVALID_PASSWORD"))
        .as("the application's English does not hide Portcullis' French")
        .isEqualTo("Le mot de passe est incorrect.");
    assertThat(byLanguage.get(Locale.GERMAN).text("INVALID_CODE"))
        .isEqualTo("Dieser Code ist ungültig.");
  }

  @Test
  void textWhenDurationArgumentThenWrittenInTheMessageLanguage() {
    assertThat(
            asking(Locale.GERMAN)
                .text("PASSWORD_RESET_EXPIRED", Map.of("within", Duration.ofHours(2))))
        .startsWith("Das Passwort wurde nicht innerhalb von 2 Stunden zurückgesetzt.");
    assertThat(
            asking(Locale.ENGLISH)
                .text("CONFIRMATION_EXPIRED", Map.of("within", Duration.ofDays(5))))
        .startsWith("The email address was not confirmed within 5 days.");
    assertThat(asking(Locale.FRENCH).duration(Duration.ofMinutes(1), Locale.FRENCH))
        .isEqualTo("1 minute");
    assertThat(asking(Locale.ENGLISH).duration(Duration.ofSeconds(90), Locale.ENGLISH))
        .isEqualTo("90 seconds");
  }

  @Test
  void categoryWhenAnyLanguageThenFromTheBaseBundle() {
    assertThat(asking(Locale.GERMAN).category("INVALID_PASSWORD")).isEqualTo("error");
    assertThat(asking(Locale.FRENCH).category("PASSWORD_CHANGE")).isEqualTo("success");
  }

  /** Issue 13, item 4: being sent to sign in (again) is news, not a mistake; unlike in Flask. */
  @Test
  void categoryWhenTellingWhereTheUserIsSentThenInfoNotError() {
    Messages english = asking(Locale.ENGLISH);
    assertThat(english.category("UNAUTHENTICATED")).isEqualTo("info");
    assertThat(english.category("REAUTHENTICATION_REQUIRED")).isEqualTo("info");
    assertThat(english.category("ANONYMOUS_USER_REQUIRED")).isEqualTo("info");
    assertThat(english.category("UNAUTHORIZED")).isEqualTo("error");
  }

  private Map<Locale, Messages> withApplicationLoader(LocaleConfig locales) throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Left open: the messages read their files on first use.
    thread.setContextClassLoader(
        new URLClassLoader(new URL[] {application.toUri().toURL()}, previous));
    try {
      return Map.of(
          Locale.ENGLISH, RequestMessages.asking(new MapConfig(Map.of()), locales, Locale.ENGLISH),
          Locale.GERMAN, RequestMessages.asking(new MapConfig(Map.of()), locales, Locale.GERMAN),
          Locale.FRENCH, RequestMessages.asking(new MapConfig(Map.of()), locales, Locale.FRENCH));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void write(String name, String content) throws IOException {
    Path file = application.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
