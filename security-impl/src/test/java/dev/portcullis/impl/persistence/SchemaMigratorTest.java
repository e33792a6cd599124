package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.persistence.SchemaMigrator.Vendor;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  @Test
  void ofProductNameWhenSupportedThenVendorFolder() {
    assertThat(Vendor.ofProductName("H2").folder()).isEqualTo("h2");
    assertThat(Vendor.ofProductName("PostgreSQL").folder()).isEqualTo("postgresql");
    assertThat(Vendor.ofProductName("MariaDB")).isEqualTo(Vendor.MYSQL);
    assertThat(Vendor.ofProductName("MySQL")).isEqualTo(Vendor.MYSQL);
  }

  @Test
  void migrateWhenUnsupportedDatabaseThenIllegalStateNamingIt() {
    assertThatThrownBy(() -> new SchemaMigrator().migrate(dataSourceOf("Oracle")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Oracle'");
  }

  @Test
  void migrationsWhenOnClasspathThenOnePerVendor() {
    for (Vendor vendor : Vendor.values()) {
      String path = "db/portcullis/" + vendor.folder() + "/V1__create_portcullis_schema.sql";
      assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
    }
  }

  @Test
  void migrationFoldersWhenPackagedThenEachHoldsItsFlywayLocationMarker() {
    // Without the marker Flyway lists nothing on Open Liberty (it takes IBM's class loaders for
    // WebSphere's and finds a folder only by a file in it).
    for (Vendor vendor : Vendor.values()) {
      String path = "db/portcullis/" + vendor.folder() + "/flyway.location";
      assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
    }
  }

  @Test
  void migrateWhenLocationMissingThenFailsAndCreatesNothing() throws SQLException {
    JdbcDataSource h2 = freshH2();
    assertThatThrownBy(() -> new SchemaMigrator("classpath:db/not-there/").migrate(h2))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("db/not-there/h2");
    assertThat(tableCount(h2)).isZero();
  }

  @Test
  void migrateWhenLocationHoldsNoMigrationsThenRefusesInsteadOfReportingSuccess()
      throws SQLException {
    JdbcDataSource h2 = freshH2();
    assertThatThrownBy(() -> new SchemaMigrator("classpath:db/no-migrations/").migrate(h2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("found no Portcullis migrations in classpath:db/no-migrations/h2")
        .hasMessageContaining("flyway.location");
    assertThat(tableCount(h2)).isZero();
  }

  @Test
  void migrateWhenOwnLocationThenCreatesTheSchema() throws SQLException {
    JdbcDataSource h2 = freshH2();
    SchemaMigrator.Result result = new SchemaMigrator().migrate(h2);
    assertThat(result.migrationsExecuted()).isPositive();
    assertThat(tableCount(h2)).isPositive();
  }

  private static JdbcDataSource freshH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migrator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  private static int tableCount(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A data source whose connections only answer the product name. */
  private static DataSource dataSourceOf(String productName) {
    DatabaseMetaData metaData =
        proxy(DatabaseMetaData.class, "getDatabaseProductName", productName);
    Connection connection = proxy(Connection.class, "getMetaData", metaData);
    return proxy(DataSource.class, "getConnection", connection);
  }

  private static <T> T proxy(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> {
              if (m.getName().equals(method)) {
                return answer;
              }
              if (m.getName().equals("close")) {
                return null;
              }
              throw new UnsupportedOperationException(m.getName());
            }));
  }
}
