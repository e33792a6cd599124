package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.interop.FlaskPython;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other direction: hashes written here verify in Flask-Security 5.1.2 / passlib 1.7.4, checked
 * live by {@code password-fixtures/verify_with_flask.py} through {@link FlaskPython} (skipped where
 * Debian's Flask-Security is not installed).
 */
class PasswordHasherInteropTest {

  private static final String SALT = "interop-sälz";
  private static final List<String> PASSWORDS =
      List.of("correct horse battery", "Pässwörd-\uFB01", "ä".repeat(40) + "-beyond-72-bytes");

  @BeforeAll
  static void requireFlaskSecurity() throws InterruptedException {
    FlaskPython.assumeModules("flask_security", "passlib");
  }

  @Test
  void hashWhenEverySchemeAndModeThenFlaskSecurityVerifiesIt() throws Exception {
    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String scheme : SchemeCatalog.SUPPORTED) {
      for (boolean single : new boolean[] {false, true}) {
        TestConfigs config = TestConfigs.lowCost(SALT).hashScheme(scheme);
        if (single) {
          config.singleHashEverything();
        }
        PasswordHasher hasher = config.hasher();
        for (String password : PASSWORDS) {
          String hash = hasher.hash(password);
          String mode = single ? "single" : "double";
          lines.add(String.join("\t", mode, SALT, password, hash));
          expected.add(scheme + " " + mode + " " + password + " -> True");
          lines.add(String.join("\t", mode, SALT, "x" + password, hash));
          expected.add(scheme + " " + mode + " x" + password + " -> False");
        }
      }
    }

    List<String> answers = runFlaskVerifier(lines);

    List<String> actual = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      String label = expected.get(i).substring(0, expected.get(i).lastIndexOf(' '));
      actual.add(label + " " + (i < answers.size() ? answers.get(i) : "<missing>"));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void hashWhenDefaultBcryptCostThenFlaskSecurityVerifiesIt() throws Exception {
    String hash = TestConfigs.defaults(SALT).hasher().hash("correct horse battery");

    List<String> answers =
        runFlaskVerifier(List.of(String.join("\t", "double", SALT, "correct horse battery", hash)));

    assertThat(hash).startsWith("$2b$12$");
    assertThat(answers).containsExactly("True");
  }

  private static List<String> runFlaskVerifier(List<String> lines) throws Exception {
    return FlaskPython.run("/password-fixtures/verify_with_flask.py", lines);
  }
}
