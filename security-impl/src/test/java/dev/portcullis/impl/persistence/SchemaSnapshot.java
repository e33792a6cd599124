package dev.portcullis.impl.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What JDBC metadata says about some tables — every column (type, size, nullability, default,
 * auto-increment), index and foreign key — as comparable lines, to show what schema adoption
 * changed.
 */
final class SchemaSnapshot {

  private SchemaSnapshot() {}

  /** The tables named in {@code tables} that exist, described line by line. */
  static Set<String> of(DataSource dataSource, List<String> tables) throws SQLException {
    Set<String> lines = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String table : tables) {
        columns(c, meta, table, lines);
        indexes(c, meta, table, lines);
        foreignKeys(c, meta, table, lines);
      }
    }
    return lines;
  }

  /** The names of the tables in the connection's schema. */
  static Set<String> tables(DataSource dataSource) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rows =
            c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static void columns(Connection c, DatabaseMetaData meta, String table, Set<String> lines)
      throws SQLException {
    try (ResultSet rows = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
      while (rows.next()) {
        if (rows.getString("TABLE_NAME").equals(table)) {
          lines.add(
              "column "
                  + table
                  + "."
                  + rows.getString("COLUMN_NAME")
                  + " "
                  + rows.getString("TYPE_NAME")
                  + "("
                  + rows.getInt("COLUMN_SIZE")
                  + ") nullable="
                  + rows.getString("IS_NULLABLE")
                  + " default="
                  + rows.getString("COLUMN_DEF")
                  + " auto="
                  + rows.getString("IS_AUTOINCREMENT"));
        }
      }
    }
  }

  private static void indexes(Connection c, DatabaseMetaData meta, String table, Set<String> lines)
      throws SQLException {
    try (ResultSet rows = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
      while (rows.next()) {
        if (rows.getString("INDEX_NAME") != null) {
          lines.add(
              "index "
                  + table
                  + "."
                  + rows.getString("INDEX_NAME")
                  + " ("
                  + rows.getString("COLUMN_NAME")
                  + ") unique="
                  + !rows.getBoolean("NON_UNIQUE"));
        }
      }
    }
  }

  private static void foreignKeys(
      Connection c, DatabaseMetaData meta, String table, Set<String> lines) throws SQLException {
    try (ResultSet rows = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
      while (rows.next()) {
        lines.add(
            "fk "
                + table
                + "."
                + rows.getString("FKCOLUMN_NAME")
                + " -> "
                + rows.getString("PKTABLE_NAME")
                + "."
                + rows.getString("PKCOLUMN_NAME")
                + " delete="
                + rows.getShort("DELETE_RULE"));
      }
    }
  }
}
