package dev.portcullis.impl.persistence;

import dev.portcullis.impl.persistence.Column.Kind;
import dev.portcullis.impl.persistence.SchemaMigrator.Vendor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Takes over a Flask-Security database in place: recognises its user, role, association and
 * WebAuthn tables under the configured names and adds only what Portcullis needs and they lack —
 * missing columns (e.g. a nullable {@code fs_token_uniquifier}, the computed {@code email_lower}
 * and {@code username_lower} look-up columns with their indexes), missing tables, and Portcullis'
 * {@code portcullis_id_gen}. Nothing that exists is altered or dropped: no column type, constraint
 * or index of Flask's is touched, so Flask-Security keeps running on the same tables.
 *
 * <p>It refuses, with a message naming the table and column, what it cannot complete without
 * changing existing data: a required column missing from a table that has rows, or an {@code id}
 * the database does not assign ({@code SERIAL}/{@code IDENTITY}/{@code AUTO_INCREMENT}; Portcullis
 * takes new ids from the same source as Flask-Security's inserts, so neither hands out an id the
 * other already used).
 *
 * <p>Runs on every start and is idempotent. Nodes starting together are serialized by a database
 * lock (PostgreSQL: a transaction-scoped advisory lock, the whole adoption in one transaction;
 * MariaDB/MySQL: a named lock, as DDL commits by itself there).
 */
final class SchemaAdoption {

  private static final long POSTGRESQL_LOCK = 0x706f7274_63756c6cL; // "portcull"

  private final Vendor vendor;
  private final DatastoreNames names;
  private final AdoptionDdl ddl;

  SchemaAdoption(Vendor vendor, DatastoreNames names) {
    this.vendor = vendor;
    this.names = names;
    this.ddl = new AdoptionDdl(vendor, names);
  }

  /**
   * Completes the schema of {@code dataSource}'s default schema/database.
   *
   * @return what was added, e.g. {@code user.email_lower}; empty when nothing was missing
   * @throws IllegalStateException when the schema cannot be adopted (the message says why)
   */
  List<String> adopt(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return vendor == Vendor.POSTGRESQL ? inTransaction(connection) : underNamedLock(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Adopting the Flask-Security tables failed: " + e, e);
    }
  }

  private List<String> inTransaction(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement lock = connection.createStatement()) {
      lock.execute("SELECT pg_advisory_xact_lock(" + POSTGRESQL_LOCK + ")");
      List<String> added = complete(connection);
      connection.commit();
      return added;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private List<String> underNamedLock(Connection connection) throws SQLException {
    String name = "portcullis_adoption:" + connection.getCatalog();
    try (Statement lock = connection.createStatement()) {
      try (ResultSet got = lock.executeQuery("SELECT GET_LOCK('" + name + "', 120)")) {
        if (!got.next() || got.getInt(1) != 1) {
          throw new IllegalStateException("Timed out waiting for lock " + name);
        }
      }
      try {
        return complete(connection);
      } finally {
        lock.execute("SELECT RELEASE_LOCK('" + name + "')");
      }
    }
  }

  private List<String> complete(Connection connection) throws SQLException {
    SchemaInspector inspector = new SchemaInspector(connection);
    List<String> added = new ArrayList<>();
    for (MappedTable table : MappedTable.values()) {
      Optional<Map<String, SchemaInspector.ColumnInfo>> columns =
          inspector.columns(names.table(table));
      if (columns.isEmpty()) {
        execute(connection, ddl.createTable(table, referenceType(inspector)));
        added.add(names.table(table));
      } else {
        added.addAll(completeTable(connection, inspector, table, columns.get()));
      }
    }
    if (inspector.columns("portcullis_id_gen").isEmpty()) {
      execute(connection, List.of(ddl.createIdGenerator()));
      added.add("portcullis_id_gen");
    }
    return added;
  }

  private List<String> completeTable(
      Connection connection,
      SchemaInspector inspector,
      MappedTable table,
      Map<String, SchemaInspector.ColumnInfo> existing)
      throws SQLException {
    List<String> added = new ArrayList<>();
    Boolean empty = null;
    for (Column column : table.columns()) {
      String name = names.column(table, column.name());
      SchemaInspector.ColumnInfo found = existing.get(name);
      if (found != null) {
        if (column.kind() == Kind.ID && !found.autoIncrement()) {
          throw refuse(
              table,
              name,
              "its values are not assigned by the database (SERIAL, IDENTITY"
                  + " or AUTO_INCREMENT), so Portcullis' and Flask-Security's new rows could collide");
        }
        continue;
      }
      if (!column.addableToFilledTable()) {
        if (empty == null) {
          empty = inspector.isEmpty(names.table(table));
        }
        if (!empty) {
          throw refuse(
              table,
              name,
              "it is missing, required, and cannot be added to rows that"
                  + " exist without changing them");
        }
      }
      execute(connection, ddl.addColumn(table, column, referenceType(inspector)));
      added.add(names.table(table) + "." + name);
    }
    return added;
  }

  /** The SQL type of the user table's id, which association columns must share. */
  private String referenceType(SchemaInspector inspector) throws SQLException {
    String idColumn = names.column(MappedTable.USER, "id");
    SchemaInspector.ColumnInfo id =
        inspector.columns(names.table(MappedTable.USER)).map(c -> c.get(idColumn)).orElse(null);
    return id != null && id.jdbcType() == Types.BIGINT ? "BIGINT" : "INTEGER";
  }

  private IllegalStateException refuse(MappedTable table, String column, String why) {
    return new IllegalStateException(
        "Cannot adopt the Flask-Security table '"
            + names.table(table)
            + "': column '"
            + column
            + "': "
            + why
            + ". Check security.datastore_schema, security.datastore_"
            + table.key()
            + "_table and security.datastore_columns.");
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The tables and columns of the connection's current schema, as JDBC metadata reports them. */
  static final class SchemaInspector {

    /** A column that exists. */
    record ColumnInfo(String name, int jdbcType, boolean autoIncrement) {}

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final Map<String, Optional<Map<String, ColumnInfo>>> cache = new HashMap<>();

    SchemaInspector(Connection connection) throws SQLException {
      this.connection = connection;
      this.meta = connection.getMetaData();
    }

    /** The columns of {@code table} by exact name, or empty when there is no such table. */
    Optional<Map<String, ColumnInfo>> columns(String table) throws SQLException {
      Optional<Map<String, ColumnInfo>> known = cache.get(table);
      if (known != null && known.isPresent()) {
        return known;
      }
      Map<String, ColumnInfo> columns = new HashMap<>();
      String pattern = escape(table);
      try (ResultSet rows =
          meta.getColumns(connection.getCatalog(), connection.getSchema(), pattern, "%")) {
        while (rows.next()) {
          if (rows.getString("TABLE_NAME").equals(table)) {
            columns.put(
                rows.getString("COLUMN_NAME"),
                new ColumnInfo(
                    rows.getString("COLUMN_NAME"),
                    rows.getInt("DATA_TYPE"),
                    "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))));
          }
        }
      }
      Optional<Map<String, ColumnInfo>> result =
          columns.isEmpty() ? Optional.empty() : Optional.of(columns);
      cache.put(table, result);
      return result;
    }

    boolean isEmpty(String quotedOrPlainTable) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT 1 FROM " + quote(quotedOrPlainTable) + " LIMIT 1")) {
        return !rows.next();
      }
    }

    private String quote(String table) throws SQLException {
      String q = meta.getIdentifierQuoteString().trim();
      return q + table + q;
    }

    private String escape(String name) throws SQLException {
      String escape = meta.getSearchStringEscape();
      return name.replace("_", escape + "_").replace("%", escape + "%");
    }
  }
}
