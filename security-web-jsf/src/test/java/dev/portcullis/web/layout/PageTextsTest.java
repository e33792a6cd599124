package dev.portcullis.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.i18n.TextBundle;
import dev.portcullis.test.TranslationCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PageTextsTest {

  /** A page text named in a view or in Java: {@code 'page.x.y'} or {@code "page.x.y"}. */
  private static final Pattern KEY = Pattern.compile("['\"](page\\.[a-z_]+(\\.[a-z_]+)*)['\"]");

  private static final Path SOURCES = Path.of("src/main");

  @Test
  void bundleWhenEveryOfferedLanguageThenEveryKeyTranslatedWithItsPlaceholders() {
    TranslationCheck.of(PageTexts.BUNDLE).assertComplete(Locale.GERMAN, Locale.FRENCH);
  }

  @Test
  void keysWhenNamedInViewsOrBeansThenInTheBundleAndEveryBundleKeyNamedSomewhere()
      throws IOException {
    Set<String> bundle =
        new TextBundle(PageTexts.BUNDLE, PageTexts.class.getClassLoader(), Optional.empty())
            .withPrefix("page.", Locale.ENGLISH).keySet().stream()
                .map(rest -> "page." + rest)
                .collect(Collectors.toSet());
    Set<String> named = namedKeys();

    assertThat(new TreeSet<>(bundle)).as("texts in the bundle").containsAll(named);
    Set<String> unused = new TreeSet<>(bundle);
    unused.removeAll(named);
    unused.removeIf(PageTextsTest::composed);
    assertThat(unused).as("texts no view or bean names").isEmpty();
  }

  /** Keys views build from a prefix and a value, e.g. the category of a flashed message. */
  private static boolean composed(String key) {
    return key.startsWith("page.flash.");
  }

  private static Set<String> namedKeys() throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java"))
              .toList()) {
        Matcher matcher = KEY.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
    }
    return keys;
  }
}
