package dev.portcullis.impl.persistence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Flask-Security against a database ({@code tools/flask-fixtures/check.py}, Debian's
 * {@code /usr/bin/python3}) and returns its report. Where that Python or its packages are missing,
 * {@link #unavailable()} says what to install, so the tests can skip this step with that message.
 */
final class FlaskCheck {

  static final String PYTHON = "/usr/bin/python3";
  private static final String MODULES = "flask_security, flask_sqlalchemy, psycopg2, pymysql";

  private FlaskCheck() {}

  /** Why Flask-Security cannot run here, or {@code null} when it can. */
  static String unavailable() {
    if (!new File(PYTHON).canExecute()) {
      return PYTHON
          + " not found: install python3-flask-security python3-flask-sqlalchemy"
          + " python3-psycopg2 python3-pymysql to run Flask-Security against the adopted database";
    }
    try {
      Process probe =
          new ProcessBuilder(PYTHON, "-c", "import " + MODULES).redirectErrorStream(true).start();
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return null;
      }
      return "Flask-Security cannot run ("
          + output.strip()
          + "): install python3-flask-security"
          + " python3-flask-sqlalchemy python3-psycopg2 python3-pymysql";
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Runs {@code check.py <database> <schema>} with {@code request} on stdin.
   *
   * @param database {@code postgresql} or {@code mariadb}
   */
  static JsonObject run(String database, String schema, JsonObject request)
      throws IOException, InterruptedException {
    File script = FlaskFixture.directory().resolve("check.py").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(PYTHON, script.getName(), database, schema)
            .directory(script.getParentFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(request.toString().getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("check.py failed: " + output);
    }
    try (JsonReader reader = Json.createReader(new StringReader(output))) {
      return reader.readObject();
    }
  }
}
