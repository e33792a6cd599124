package dev.portcullis.sample.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A database the real Flask-Security wrote, for the adoption ITs: loads {@code
 * tools/flask-fixtures/<database>/dump.sql} into a fresh schema before the sample deploys on it,
 * reads what Flask-Security issued ({@code issued.json}), and runs Flask-Security against the
 * database afterwards ({@code check.py}). (security-impl's {@code FlaskFixture} does the same for
 * the container-less tests; the modules share no test code.)
 */
public final class FlaskDatabase {

  /** The databases with fixtures, and where the ITs load them. */
  public enum Kind {
    POSTGRESQL(
        "postgresql",
        "jdbc:postgresql://127.0.0.1:5432/test",
        "postgres",
        "\"",
        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + FlaskDatabase.SCHEMA),
    MARIADB(
        "mariadb",
        "jdbc:mariadb://127.0.0.1:3306/test",
        "root",
        "`",
        "jdbc:mariadb://127.0.0.1:3306/" + FlaskDatabase.SCHEMA);

    final String fixture;
    final String adminUrl;
    final String user;
    final String quote;
    final String schemaUrl;

    Kind(String fixture, String adminUrl, String user, String quote, String schemaUrl) {
      this.fixture = fixture;
      this.adminUrl = adminUrl;
      this.user = user;
      this.quote = quote;
      this.schemaUrl = schemaUrl;
    }
  }

  /** The schema (PostgreSQL) or database (MariaDB) the ITs load the fixture into. */
  public static final String SCHEMA = "flask_adopt_it";

  static final String PYTHON = "/usr/bin/python3";

  private final Kind kind;
  private final JsonObject issued;

  private FlaskDatabase(Kind kind, JsonObject issued) {
    this.kind = kind;
    this.issued = issued;
  }

  /** Drops {@link #SCHEMA} and loads the fixture of {@code kind} into it afresh. */
  public static FlaskDatabase load(Kind kind) {
    Path folder = fixtures().resolve(kind.fixture);
    try (Connection admin = DriverManager.getConnection(kind.adminUrl, kind.user, "");
        Statement s = admin.createStatement()) {
      String dump = Files.readString(folder.resolve("dump.sql"), StandardCharsets.UTF_8);
      if (kind == Kind.POSTGRESQL) {
        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      } else {
        s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        s.execute("CREATE DATABASE " + SCHEMA);
        s.execute("USE " + SCHEMA);
      }
      for (String statement : statements(dump.replace("flask_fixture", SCHEMA))) {
        s.execute(statement);
      }
      try (JsonReader reader =
          Json.createReader(
              new StringReader(
                  Files.readString(folder.resolve("issued.json"), StandardCharsets.UTF_8)))) {
        return new FlaskDatabase(kind, reader.readObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Loading the Flask-Security fixture failed", e);
    }
  }

  /** Whether the database of {@code kind} answers (the ITs skip otherwise). */
  public static boolean reachable(Kind kind) {
    try (Connection c = DriverManager.getConnection(kind.adminUrl, kind.user, "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  public String secretKey() {
    return issued.getString("secret_key");
  }

  public String passwordSalt() {
    return issued.getString("password_salt");
  }

  /** What Flask-Security issued for {@code email}: {@code password}, {@code auth_token}, ... */
  public String issued(String email, String what) {
    return issued.getJsonObject("users").getJsonObject(email).getString(what);
  }

  /** A column of the user with {@code email}, read over JDBC; empty when there is no such user. */
  public Optional<String> userColumn(String email, String column) {
    String sql =
        "SELECT " + column + " FROM " + kind.quote + "user" + kind.quote + " WHERE email = ?";
    try (Connection c = DriverManager.getConnection(kind.schemaUrl, kind.user, "");
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, email);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Why Flask-Security cannot run here, or {@code null}: {@code /usr/bin/python3} with
   * python3-flask-security, -flask-sqlalchemy, -psycopg2 and -pymysql.
   */
  public static String flaskUnavailable() {
    if (!new File(PYTHON).canExecute()) {
      return PYTHON
          + " not found (install python3-flask-security python3-flask-sqlalchemy"
          + " python3-psycopg2 python3-pymysql)";
    }
    try {
      Process probe =
          new ProcessBuilder(
                  PYTHON, "-c", "import flask_security, flask_sqlalchemy, psycopg2, pymysql")
              .redirectErrorStream(true)
              .start();
      String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0
          ? null
          : "Flask-Security cannot run: " + out.strip();
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Runs Flask-Security against the loaded database ({@code check.py}); its JSON report. */
  public JsonObject flaskCheck(JsonObject request) throws IOException, InterruptedException {
    File script = fixtures().resolve("check.py").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(PYTHON, script.getName(), kind.fixture, SCHEMA)
            .directory(script.getParentFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(request.toString().getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("check.py failed: " + out);
    }
    try (JsonReader reader = Json.createReader(new StringReader(out))) {
      return reader.readObject();
    }
  }

  private static Path fixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools").resolve("flask-fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("tools/flask-fixtures not found");
  }

  /** A dump's statements: one per {@code ;} at a line's end, comment lines skipped. */
  private static java.util.List<String> statements(String sql) {
    java.util.List<String> statements = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }
}
