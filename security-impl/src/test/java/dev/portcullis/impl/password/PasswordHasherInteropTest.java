package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other direction: hashes written here verify in Flask-Security 5.1.2 / passlib 1.7.4, checked
 * live by {@code password-fixtures/verify_with_flask.py}. Skipped when {@code /usr/bin/python3}
 * with {@code flask_security} is not installed.
 */
class PasswordHasherInteropTest {

  private static final String PYTHON = "/usr/bin/python3";
  private static final String SALT = "interop-sälz";
  private static final List<String> PASSWORDS =
      List.of("correct horse battery", "Pässwörd-\uFB01", "ä".repeat(40) + "-beyond-72-bytes");

  @BeforeAll
  static void requireFlaskSecurity() throws InterruptedException {
    assumeTrue(new File(PYTHON).canExecute(), PYTHON + " not found");
    try {
      Process probe =
          new ProcessBuilder(PYTHON, "-c", "import flask_security, passlib")
              .redirectErrorStream(true)
              .start();
      assumeTrue(
          probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
          "flask_security/passlib not importable");
    } catch (IOException e) {
      assumeTrue(false, "cannot run " + PYTHON + ": " + e);
    }
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

  private static List<String> runFlaskVerifier(List<String> lines)
      throws IOException, InterruptedException, URISyntaxException {
    File script =
        new File(
            PasswordHasherInteropTest.class
                .getResource("/password-fixtures/verify_with_flask.py")
                .toURI());
    ProcessBuilder builder =
        new ProcessBuilder(PYTHON, script.getName())
            .directory(script.getParentFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        in.write(line + "\n");
      }
    }
    List<String> answers = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        answers.add(line);
      }
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return answers;
  }
}
