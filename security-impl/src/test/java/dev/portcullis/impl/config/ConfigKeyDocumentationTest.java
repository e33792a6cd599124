package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's configuration reference in step with {@link ConfigKey}: one table row per key,
 * with the key's default and Flask key, and no row for a key that no longer exists.
 */
class ConfigKeyDocumentationTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void readmeWhenReadThenHasOneRowPerKeyWithItsDefaultAndFlaskKey() throws IOException {
    Map<String, List<String>> rows = configRows();

    for (ConfigKey key : ConfigKey.all()) {
      assertThat(rows).as("README row for %s", key.property()).containsKey(key.property());
      List<String> cells = rows.get(key.property());
      assertThat(cells.get(1)).as("default of %s", key.property()).isEqualTo(expectedDefault(key));
      assertThat(cells.get(2))
          .as("Flask key of %s", key.property())
          .isEqualTo(code(key.flaskKey()));
    }
  }

  @Test
  void readmeWhenReadThenDocumentsNoUnknownKey() throws IOException {
    Set<String> known =
        ConfigKey.all().stream().map(ConfigKey::property).collect(Collectors.toSet());

    assertThat(known).containsAll(configRows().keySet());
  }

  /** Rows of the table whose first column is a Portcullis key, by property name. */
  private static Map<String, List<String>> configRows() throws IOException {
    return Files.readAllLines(README, StandardCharsets.UTF_8).stream()
        .filter(
            line -> line.matches("\\| `(security|wtf|remember|session|mail)\\.[a-z0-9_]+` \\|.*"))
        .map(ConfigKeyDocumentationTest::cells)
        .collect(Collectors.toMap(cells -> cells.get(0).replace("`", ""), cells -> cells));
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1, row.length() - 1);
    return Arrays.stream(inner.split(" \\| ")).map(String::strip).toList();
  }

  private static String expectedDefault(ConfigKey key) {
    if (key.defaultValue() == null) {
      return "*(required)*";
    }
    return key.defaultValue().isEmpty() ? "*(empty)*" : code(key.defaultValue());
  }

  private static String code(String text) {
    return "`" + text + "`";
  }
}
