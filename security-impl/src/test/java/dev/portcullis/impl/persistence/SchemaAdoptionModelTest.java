package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The model schema adoption completes Flask-Security's tables to ({@link MappedTable}) and the
 * tables Portcullis' own migrations create must have the same columns: a migration that adds a
 * column to {@code fs_user} without adding it to {@link MappedTable} would leave adopted databases
 * without it.
 */
class SchemaAdoptionModelTest {

  @Test
  void columnsWhenComparedWithMigratedOwnTablesThenSameNamesAndNullability() throws SQLException {
    DataSource h2 = new TestDatabase.H2().recreate("adoption_model");
    new SchemaMigrator().migrate(h2);

    for (MappedTable table : MappedTable.values()) {
      Set<String> expected =
          table.columns().stream()
              .map(c -> c.name() + (c.required() ? " NOT NULL" : ""))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(migratedColumns(h2, table.portcullisName())).as(table.key()).isEqualTo(expected);
    }
  }

  @Test
  void migrateWhenFlaskSecurityTablesOnH2ThenRefusedNamingTheSupportedDatabases()
      throws SQLException {
    DataSource h2 = new TestDatabase.H2().recreate("adoption_h2");
    DatastoreNames fsqla = DatastoreNames.of(DatastoreLayout.FSQLA_V3, Map.of(), Map.of());

    assertThatThrownBy(() -> new SchemaMigrator().migrate(h2, fsqla))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.datastore_schema=fsqla_v3")
        .hasMessageContaining("PostgreSQL or MariaDB/MySQL");
  }

  @Test
  void ofWhenNamesForPortcullisOwnLayoutThenRefused() {
    assertThatThrownBy(
            () ->
                DatastoreNames.of(
                    DatastoreLayout.PORTCULLIS, Map.of(MappedTable.USER, "users"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<String> migratedColumns(DataSource dataSource, String table)
      throws SQLException {
    Set<String> columns = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rows =
            c.getMetaData().getColumns(null, null, table.toUpperCase(Locale.ROOT), "%")) {
      while (rows.next()) {
        boolean required = rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
        columns.add(
            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + (required ? " NOT NULL" : ""));
      }
    }
    return columns;
  }
}
