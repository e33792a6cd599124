package dev.portcullis.impl.persistence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A Flask-Security database as Debian's python3-flask-security wrote it, from {@code
 * tools/flask-fixtures/<database>/}: {@code dump.sql} (schema and rows, in the schema {@code
 * flask_fixture}) and {@code issued.json} (secret key, salt, passwords, and the auth tokens and
 * remember-me cookies Flask-Security issued). {@code tools/flask-fixtures/generate.py} writes both.
 */
final class FlaskFixture {

  /** The schema name in the dump, replaced by the test's. */
  static final String DUMP_SCHEMA = "flask_fixture";

  /** What Flask-Security issued for one user. */
  record Issued(String password, String authToken, String rememberCookie) {}

  private final String database;
  private final String dump;
  private final JsonObject issued;

  private FlaskFixture(String database, String dump, JsonObject issued) {
    this.database = database;
    this.dump = dump;
    this.issued = issued;
  }

  /** The fixture of {@code database}: {@code postgresql} or {@code mariadb}. */
  static FlaskFixture of(String database) {
    Path folder = directory().resolve(database);
    try (JsonReader reader =
        Json.createReader(
            new StringReader(
                Files.readString(folder.resolve("issued.json"), StandardCharsets.UTF_8)))) {
      return new FlaskFixture(
          database,
          Files.readString(folder.resolve("dump.sql"), StandardCharsets.UTF_8),
          reader.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tools/flask-fixtures}, found from the module's directory upwards. */
  static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools").resolve("flask-fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "tools/flask-fixtures not found above " + Path.of("").toAbsolutePath());
  }

  String database() {
    return database;
  }

  String secretKey() {
    return issued.getString("secret_key");
  }

  String passwordSalt() {
    return issued.getString("password_salt");
  }

  Issued user(String email) {
    JsonObject user = issued.getJsonObject("users").getJsonObject(email);
    return new Issued(
        user.getString("password", null),
        user.getString("auth_token", null),
        user.getString("remember_cookie", null));
  }

  /**
   * Loads the dump into {@code schema} of {@code db}, dropped and created afresh: the Flask
   * database as it was, under another schema name.
   */
  DataSource loadInto(TestDatabase db, String schema) throws SQLException {
    DataSource dataSource = db.recreate(schema);
    String sql =
        dump.replace("CREATE SCHEMA " + DUMP_SCHEMA + ";", "").replace(DUMP_SCHEMA, schema);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements(sql)) {
        s.execute(statement);
      }
    }
    return dataSource;
  }

  /**
   * The statements of a dump: one per {@code ;} at a line's end, comment lines skipped (pg_dump and
   * mariadb-dump write no statement that spans such a line inside a value).
   */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
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
    Optional.of(current.toString().strip()).filter(s -> !s.isEmpty()).ifPresent(statements::add);
    return statements;
  }
}
