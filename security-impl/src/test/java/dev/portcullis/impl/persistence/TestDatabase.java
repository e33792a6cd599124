package dev.portcullis.impl.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A database the repository tests run against; each schema is dropped and created afresh. */
interface TestDatabase {

  /** Drops and re-creates {@code schema}; returns a data source whose default schema it is. */
  DataSource recreate(String schema) throws SQLException;

  /** JDBC settings for the {@code portcullis-test} unit, pointing at {@code schema}. */
  Map<String, Object> jpaProperties(String schema);

  /**
   * Whether the external databases are part of this run: {@code -Dportcullis.db.matrix=true} or
   * {@code PORTCULLIS_DB_MATRIX=true}.
   */
  static boolean matrixEnabled() {
    return Boolean.getBoolean("portcullis.db.matrix")
        || "true".equalsIgnoreCase(System.getenv("PORTCULLIS_DB_MATRIX"));
  }

  private static Map<String, Object> jdbc(String url, String user, String password) {
    return Map.of(
        "jakarta.persistence.jdbc.url", url,
        "jakarta.persistence.jdbc.user", user,
        "jakarta.persistence.jdbc.password", password);
  }

  private static void execute(DataSource admin, String... statements) throws SQLException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** A private in-memory H2 database per schema name and run. */
  final class H2 implements TestDatabase {
    private final String run = UUID.randomUUID().toString().replace("-", "");

    private String url(String schema) {
      return "jdbc:h2:mem:" + schema + "_" + run + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    public DataSource recreate(String schema) throws SQLException {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url(schema));
      ds.setUser("sa");
      execute(ds, "DROP ALL OBJECTS");
      return ds;
    }

    @Override
    public Map<String, Object> jpaProperties(String schema) {
      return jdbc(url(schema), "sa", "");
    }
  }

  /** PostgreSQL at 127.0.0.1:5432, database {@code test}, one schema per test class. */
  final class Postgresql implements TestDatabase {
    private static final String BASE = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public DataSource recreate(String schema) throws SQLException {
      PGSimpleDataSource admin = dataSource(null);
      execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
      return dataSource(schema);
    }

    private static PGSimpleDataSource dataSource(String schema) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(BASE);
      ds.setUser("postgres");
      if (schema != null) {
        ds.setCurrentSchema(schema);
      }
      return ds;
    }

    @Override
    public Map<String, Object> jpaProperties(String schema) {
      return jdbc(BASE + "?currentSchema=" + schema, "postgres", "");
    }
  }

  /** MariaDB at 127.0.0.1:3306, one database per test class. */
  final class MariaDb implements TestDatabase {
    private static final String BASE = "jdbc:mariadb://127.0.0.1:3306/";

    @Override
    public DataSource recreate(String schema) throws SQLException {
      execute(
          dataSource("test"),
          "DROP DATABASE IF EXISTS " + schema,
          "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      return dataSource(schema);
    }

    private static MariaDbDataSource dataSource(String database) throws SQLException {
      MariaDbDataSource ds = new MariaDbDataSource(BASE + database);
      ds.setUser("root");
      ds.setPassword("");
      return ds;
    }

    @Override
    public Map<String, Object> jpaProperties(String schema) {
      return jdbc(BASE + schema, "root", "");
    }
  }
}
