package dev.portcullis.impl.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBundleTest {

  @TempDir Path portcullis;
  @TempDir Path application;

  @BeforeEach
  void portcullisTexts() throws IOException {
    write(portcullis, "own/texts.properties", "HELLO=Hello\nBYE=Bye\nmail.a=A\nmail.b=B\n");
    write(
        portcullis,
        "own/texts_de.properties",
        "HELLO=Hallo\nBYE=Tschüss\nmail.a=A-de\nmail.b=B-de\n");
  }

  @Test
  void findWhenLanguageFileThenItsTextAndRegionFallsBackToLanguage() throws Exception {
    TextBundle bundle = bundle(Optional.empty());

    assertThat(bundle.find("HELLO", Locale.GERMAN)).contains("Hallo");
    assertThat(bundle.find("HELLO", Locale.forLanguageTag("de-CH"))).contains("Hallo");
    assertThat(bundle.find("HELLO", Locale.ENGLISH)).contains("Hello");
    assertThat(bundle.find("MISSING", Locale.GERMAN)).isEmpty();
  }

  @Test
  void findWhenJvmDefaultLocaleGermanAndEnglishAskedThenEnglish() throws Exception {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMAN);
    try {
      TextBundle bundle = bundle(Optional.empty());

      assertThat(bundle.find("HELLO", Locale.ENGLISH)).contains("Hello");
      assertThat(bundle.find("HELLO", Locale.forLanguageTag("ja"))).contains("Hello");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void findWhenApplicationHasTheLanguageThenApplicationWinsThere() throws Exception {
    write(application, "app/mine_de.properties", "HELLO=Servus\n");

    TextBundle bundle = bundle(Optional.of("app.mine"));

    assertThat(bundle.find("HELLO", Locale.GERMAN)).contains("Servus");
    assertThat(bundle.find("BYE", Locale.GERMAN)).contains("Tschüss");
    assertThat(bundle.find("HELLO", Locale.ENGLISH)).contains("Hello");
  }

  @Test
  void findWhenApplicationOverridesOnlyItsRootThenPortcullisLanguageStillWins() throws Exception {
    write(application, "app/mine.properties", "HELLO=Howdy\n");

    TextBundle bundle = bundle(Optional.of("app.mine"));

    assertThat(bundle.find("HELLO", Locale.ENGLISH)).contains("Howdy");
    assertThat(bundle.find("HELLO", Locale.GERMAN)).contains("Hallo");
  }

  @Test
  void findWhenApplicationAddsLanguageThenItsTextsAndEnglishForTheRest() throws Exception {
    write(application, "app/mine_nl.properties", "HELLO=Hallo daar\n");

    TextBundle bundle = bundle(Optional.of("app.mine"));

    assertThat(bundle.find("HELLO", new Locale("nl"))).contains("Hallo daar");
    assertThat(bundle.find("BYE", new Locale("nl"))).contains("Bye");
  }

  @Test
  void withPrefixWhenLayeredThenMostSpecificTextPerKeyPrefixStripped() throws Exception {
    write(application, "app/mine.properties", "mail.b=B-app\nmail.c=C-app\n");
    write(application, "app/mine_de.properties", "mail.a=A-app-de\n");

    Map<String, String> texts = bundle(Optional.of("app.mine")).withPrefix("mail.", Locale.GERMAN);

    assertThat(texts)
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "A-app-de", "b", "B-de", "c", "C-app"));
  }

  @Test
  void loadWhenFileNotUtf8ThenIllegalStateNamingIt() throws Exception {
    Files.createDirectories(application.resolve("app"));
    Files.write(
        application.resolve("app/mine_de.properties"),
        "HELLO=Grüß Gott\n".getBytes(StandardCharsets.ISO_8859_1));
    TextBundle bundle = bundle(Optional.of("app.mine"));

    assertThatThrownBy(() -> bundle.load(List.of(Locale.GERMAN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("app/mine_de.properties is not valid UTF-8");
  }

  /**
   * Portcullis' texts on one class loader, the application's on the thread context class loader (as
   * in a WAR), while the bundle is built.
   */
  private TextBundle bundle(Optional<String> applicationBundle) throws Exception {
    ClassLoader own = new URLClassLoader(new URL[] {portcullis.toUri().toURL()}, null);
    ClassLoader app = new URLClassLoader(new URL[] {application.toUri().toURL()}, null);
    return withContextLoader(app, () -> new TextBundle("own.texts", own, applicationBundle));
  }

  private static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static void write(Path root, String name, String content) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
