package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordHasher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the CLI in-process (picocli {@code execute} with captured output) against one real database,
 * checking the rows with plain JDBC. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCliTest {

  static final String SALT = "cli-test-password-salt";
  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

  private final Deque<String> typed = new ArrayDeque<>();
  private Path configFile;

  abstract CliDatabase database();

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {}

  /** The first command meets an empty database: it must create the schema itself. */
  @BeforeAll
  void freshDatabase(@TempDir Path temp) throws Exception {
    database().recreate();
    configFile = temp.resolve("microprofile-config.properties");
    Files.writeString(
        configFile,
        "security.password_salt="
            + SALT
            + "\nsecurity.username_enable=true"
            // Cheap hashes: the cost is in the hash string, so the default hasher verifies them.
            + "\nsecurity.password_hash_passlib_options=bcrypt__rounds=4\n");
    assertOk(run("roles", "create", "bootstrap"));
  }

  @BeforeEach
  void emptyTables() throws Exception {
    typed.clear();
    try (Connection c = database().connect();
        Statement s = c.createStatement()) {
      for (String table : List.of("fs_webauthn", "fs_roles_users", "fs_user", "fs_role")) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /** Answers for the terminal prompts of the next runs. */
  void typeAtTerminal(String... answers) {
    typed.addAll(List.of(answers));
  }

  Result run(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--jdbc-url", database().url(),
            "--db-user", database().user(),
            "--db-password", database().password(),
            "--config", configFile.toString()));
    return runRaw(all.toArray(String[]::new));
  }

  Result runRaw(String... args) {
    Prompter prompter =
        prompt -> {
          if (typed.isEmpty()) {
            throw new CliFailure("No terminal to ask for the password: give it with --password.");
          }
          return typed.removeFirst().toCharArray();
        };
    PortcullisCli cli =
        new PortcullisCli(Map.of(), new Properties(), prompter, Clock.fixed(NOW, ZoneOffset.UTC));
    CommandLine commandLine = PortcullisCli.commandLine(cli);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static PasswordHasher appHasher() {
    return new PasswordHasher(PasswordConfig.defaults(SALT), new SecureRandom());
  }

  // --- JDBC views of the tables ---

  int count(String table) throws SQLException {
    try (Connection c = database().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The columns of the user with {@code email}, by lower-case name; empty map when none. */
  Map<String, Object> user(String email) throws SQLException {
    return row("SELECT * FROM fs_user WHERE email = ?", email);
  }

  Map<String, Object> role(String name) throws SQLException {
    return row("SELECT * FROM fs_role WHERE name = ?", name);
  }

  TreeSet<String> rolesOf(String email) throws SQLException {
    TreeSet<String> names = new TreeSet<>();
    try (Connection c = database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.name FROM fs_role r JOIN fs_roles_users ru ON ru.role_id = r.id"
                    + " JOIN fs_user u ON u.id = ru.user_id WHERE u.email = ?")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = database().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.executeUpdate();
    }
  }

  private Map<String, Object> row(String sql, String parameter) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    try (Connection c = database().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(
                rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                rs.getObject(i));
          }
        }
      }
    }
    return row;
  }

  static void assertOk(Result result) {
    assertThat(result.exitCode()).as("exit code; err=%s", result.err()).isZero();
  }
}
