package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationCheckTest {

  @TempDir Path root;

  private TranslationCheck check() throws IOException {
    return TranslationCheck.of("i18n.texts")
        .loadedBy(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
  }

  private void write(String name, String content) throws IOException {
    Path file = root.resolve("i18n/" + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void assertCompleteWhenSameKeysAndPlaceholdersThenPasses() throws IOException {
    write("texts.properties", "HELLO=Hello %(name)s\nBYE=Bye {0}\nHELLO.category=info\n");
    write("texts_de.properties", "HELLO=Grüß Gott, %(name)s\nBYE=Tschüss {0}\n");

    assertThatCode(
            () ->
                check()
                    .ignoringKeys(key -> key.endsWith(".category"))
                    .assertComplete(Locale.GERMAN))
        .doesNotThrowAnyException();
  }

  @Test
  void assertCompleteWhenKeyMissingOrExtraThenFailsNamingBoth() throws IOException {
    write("texts.properties", "HELLO=Hello\nBYE=Bye\n");
    write("texts_fr.properties", "HELLO=Bonjour\nSALUT=Salut\n");

    assertThatThrownBy(() -> check().assertComplete(Locale.FRENCH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("i18n/texts_fr.properties: BYE missing")
        .hasMessageContaining("i18n/texts_fr.properties: SALUT is not in the base file");
  }

  @Test
  void assertCompleteWhenPlaceholderDiffersThenFailsNamingKey() throws IOException {
    write("texts.properties", "SENT=Sent to %(email)s\n");
    write("texts_de.properties", "SENT=An %(mail)s geschickt\n");

    assertThatThrownBy(() -> check().assertComplete(Locale.GERMAN))
        .hasMessageContaining("SENT has placeholders [%(mail)s], the base file [%(email)s]");
  }

  @Test
  void assertCompleteWhenLanguageFileMissingThenFails() throws IOException {
    write("texts.properties", "HELLO=Hello\n");

    assertThatThrownBy(() -> check().assertComplete(Locale.GERMAN))
        .hasMessageContaining("i18n/texts_de.properties: missing");
  }

  @Test
  void assertCompleteWhenTextBlankThenFails() throws IOException {
    write("texts.properties", "HELLO=Hello\n");
    write("texts_de.properties", "HELLO=  \n");

    assertThatThrownBy(() -> check().assertComplete(Locale.GERMAN))
        .hasMessageContaining("HELLO is blank");
  }

  @Test
  void assertCompleteWhenFileNotUtf8ThenFailsNamingIt() throws IOException {
    write("texts.properties", "HELLO=Hello\n");
    Files.write(
        root.resolve("i18n/texts_de.properties"),
        "HELLO=Grüß Gott\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> check().assertComplete(Locale.GERMAN))
        .hasMessageContaining("i18n/texts_de.properties is not valid UTF-8");
  }
}
