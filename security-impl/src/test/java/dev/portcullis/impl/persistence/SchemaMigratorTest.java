package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.persistence.SchemaMigrator.Vendor;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
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
