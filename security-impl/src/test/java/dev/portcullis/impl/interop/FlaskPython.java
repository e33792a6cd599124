package dev.portcullis.impl.interop;

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

/**
 * Runs a checker script of the test fixtures with Debian's Python and its Flask-Security, so a test
 * can ask the real library what it makes of what Portcullis wrote. Tests skip (not fail) where
 * {@code /usr/bin/python3} or the modules are missing; {@code .ci/run} installs them.
 */
public final class FlaskPython {

  private static final String PYTHON = "/usr/bin/python3";

  private FlaskPython() {}

  /** Skips the calling test unless the interpreter imports every module named. */
  public static void assumeModules(String... modules) throws InterruptedException {
    assumeTrue(new File(PYTHON).canExecute(), PYTHON + " not found");
    try {
      Process probe =
          new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules))
              .redirectErrorStream(true)
              .start();
      assumeTrue(
          probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
          String.join(", ", modules) + " not importable");
    } catch (IOException e) {
      assumeTrue(false, "cannot run " + PYTHON + ": " + e);
    }
  }

  /**
   * Feeds {@code lines} to the script at class-path {@code resource} (run in its own folder) and
   * returns its output lines.
   */
  public static List<String> run(String resource, List<String> lines)
      throws IOException, InterruptedException, URISyntaxException {
    File script = new File(FlaskPython.class.getResource(resource).toURI());
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
