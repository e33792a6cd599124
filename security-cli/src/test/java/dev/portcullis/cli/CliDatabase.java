package dev.portcullis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database the CLI tests run against, emptied by dropping its schema. */
interface CliDatabase {

  String url();

  String user();

  String password();

  /** Drops whatever a previous run left, so that the CLI meets a fresh database. */
  void recreate() throws Exception;

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /**
   * Whether the external databases are part of this run: {@code -Dportcullis.db.matrix=true} or
   * {@code PORTCULLIS_DB_MATRIX=true}.
   */
  static boolean matrixEnabled() {
    return Boolean.getBoolean("portcullis.db.matrix")
        || "true".equalsIgnoreCase(System.getenv("PORTCULLIS_DB_MATRIX"));
  }

  /** An H2 file database in a fresh temporary directory (as the shaded jar would use it). */
  final class H2File implements CliDatabase {
    private final String url;

    H2File() {
      try {
        Path directory = Files.createTempDirectory("portcullis-cli-test");
        url =
            "jdbc:h2:file:"
                + directory.resolve("db-" + UUID.randomUUID()).toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1";
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public String url() {
      return url;
    }

    @Override
    public String user() {
      return "sa";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public void recreate() {
      // A new directory per instance: nothing to drop.
    }
  }

  /** PostgreSQL at 127.0.0.1:5432, database {@code test}, schema {@value #SCHEMA}. */
  final class Postgresql implements CliDatabase {
    static final String SCHEMA = "portcullis_cli_test";

    @Override
    public String url() {
      return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
    }

    @Override
    public String user() {
      return "postgres";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public void recreate() throws SQLException {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        s.execute("CREATE SCHEMA " + SCHEMA);
      }
    }
  }

  /**
   * MariaDB at 127.0.0.1:3306 (user {@code root}, no password), database {@value #DATABASE},
   * created afresh through the server's {@code test} database.
   */
  final class MariaDb implements CliDatabase {
    static final String DATABASE = "portcullis_cli_test";
    private static final String BASE = "jdbc:mariadb://127.0.0.1:3306/";

    @Override
    public String url() {
      return BASE + DATABASE;
    }

    @Override
    public String user() {
      return "root";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public void recreate() throws SQLException {
      try (Connection c = DriverManager.getConnection(BASE + "test", user(), password());
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        // The server's default character set: the migrations give every table its own.
        s.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }
}
