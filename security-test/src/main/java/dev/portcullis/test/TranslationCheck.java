package dev.portcullis.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a text bundle is translated completely: every language's file exists, is valid UTF-8,
 * has exactly the keys of the base file (no more, no fewer), no blank text, and the same
 * placeholders in each text. Portcullis checks its own bundles with it; an application can check
 * the bundle it adds ({@code security.i18n_bundle}) the same way.
 *
 * <pre>{@code
 * TranslationCheck.of("dev.portcullis.impl.messages.messages")
 *     .ignoringKeys(key -> key.endsWith(".category")) // the same in every language
 *     .assertComplete(Locale.GERMAN, Locale.FRENCH);
 * }</pre>
 *
 * Placeholders are Flask-Security's {@code %(name)s} and {@code %(name)d}, and {@code
 * java.text.MessageFormat}'s {@code {0}}; {@link #withPlaceholders} sets another syntax.
 */
public final class TranslationCheck {

  private static final Pattern DEFAULT_PLACEHOLDERS =
      Pattern.compile("%\\(\\w+\\)[sd]|\\{\\d+(,[^}]*)?}");

  private final String baseName;
  private final ClassLoader loader;
  private final Predicate<String> ignored;
  private final Pattern placeholders;

  private TranslationCheck(
      String baseName, ClassLoader loader, Predicate<String> ignored, Pattern placeholders) {
    this.baseName = baseName;
    this.loader = loader;
    this.ignored = ignored;
    this.placeholders = placeholders;
  }

  /**
   * A check of the bundle {@code baseName} (e.g. {@code com.example.texts} for {@code
   * com/example/texts.properties}), read through the thread context class loader.
   */
  public static TranslationCheck of(String baseName) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return new TranslationCheck(
        baseName,
        context == null ? TranslationCheck.class.getClassLoader() : context,
        key -> false,
        DEFAULT_PLACEHOLDERS);
  }

  /** The same check, reading the files through {@code loader}. */
  public TranslationCheck loadedBy(ClassLoader loader) {
    return new TranslationCheck(baseName, loader, ignored, placeholders);
  }

  /** The same check, skipping keys that are not translated (e.g. message categories). */
  public TranslationCheck ignoringKeys(Predicate<String> languageNeutral) {
    return new TranslationCheck(baseName, loader, ignored.or(languageNeutral), placeholders);
  }

  /** The same check, with placeholders matching {@code pattern}. */
  public TranslationCheck withPlaceholders(Pattern pattern) {
    return new TranslationCheck(baseName, loader, ignored, pattern);
  }

  /**
   * Checks every language against the base file.
   *
   * @throws AssertionError listing every problem found, by file and key
   */
  public void assertComplete(Locale... languages) {
    String baseFile = file(Locale.ROOT);
    Map<String, String> base =
        read(baseFile)
            .orElseThrow(
                () -> new AssertionError("No bundle file " + baseFile + " on the class path"));
    List<String> problems = new ArrayList<>();
    blanks(baseFile, base, problems);
    for (Locale language : languages) {
      String file = file(language);
      Optional<Map<String, String>> translation = read(file);
      if (translation.isEmpty()) {
        problems.add(file + ": missing");
        continue;
      }
      compare(file, base, translation.get(), problems);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "Bundle "
              + baseName
              + " is not completely translated:\n  "
              + String.join("\n  ", problems));
    }
  }

  private void compare(
      String file,
      Map<String, String> base,
      Map<String, String> translation,
      List<String> problems) {
    for (String key : base.keySet()) {
      if (!translation.containsKey(key)) {
        problems.add(file + ": " + key + " missing");
      } else if (!placeholders(base.get(key)).equals(placeholders(translation.get(key)))) {
        problems.add(
            file
                + ": "
                + key
                + " has placeholders "
                + placeholders(translation.get(key))
                + ", the base file "
                + placeholders(base.get(key)));
      }
    }
    for (String key : translation.keySet()) {
      if (!base.containsKey(key)) {
        problems.add(file + ": " + key + " is not in the base file");
      }
    }
    blanks(file, translation, problems);
  }

  private static void blanks(String file, Map<String, String> texts, List<String> problems) {
    texts.forEach(
        (key, text) -> {
          if (text.isBlank()) {
            problems.add(file + ": " + key + " is blank");
          }
        });
  }

  private Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = placeholders.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private String file(Locale language) {
    String tag = language.toString();
    return baseName.replace('.', '/') + (tag.isEmpty() ? "" : "_" + tag) + ".properties";
  }

  /** The file's translated texts by key, or empty when there is no such file. */
  private Optional<Map<String, String>> read(String file) {
    InputStream in = loader.getResourceAsStream(file);
    if (in == null) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      properties.load(reader);
    } catch (CharacterCodingException e) {
      throw new AssertionError(file + " is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> texts = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (!ignored.test((String) key)) {
            texts.put((String) key, (String) value);
          }
        });
    return Optional.of(texts);
  }
}
