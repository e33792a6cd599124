package dev.portcullis.impl.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * A migrated schema for the store contract tests of {@code security-test}: {@link StandaloneStores}
 * (the repositories behind {@link JpaUserStore} and {@link JpaRoleStore}) over emptied tables.
 */
final class ContractDatabase implements AutoCloseable {

  private final DataSource dataSource;
  private final EntityManagerFactory emf;

  ContractDatabase(SharedTestDatabases.Kind kind, String schema) throws SQLException {
    SharedTestDatabases.Schema migrated = SharedTestDatabases.migrated(kind, schema);
    dataSource = migrated.dataSource();
    emf = Persistence.createEntityManagerFactory("portcullis-test", migrated.jpaProperties());
  }

  /**
   * Empties every Portcullis user and role table, then opens stores stamping from {@code clock}.
   */
  StandaloneStores emptyStores(Clock clock) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : List.of("fs_webauthn", "fs_roles_users", "fs_user", "fs_role")) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new StandaloneStores(emf, clock);
  }

  @Override
  public void close() {
    emf.close();
  }
}
