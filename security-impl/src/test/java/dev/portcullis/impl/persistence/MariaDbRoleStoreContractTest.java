package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleStore;
import dev.portcullis.test.AbstractRoleStoreContractTest;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The role store contract (security-test's test-jar) on the JPA repositories over MariaDB; only
 * with {@code -Dportcullis.db.matrix=true}.
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.TestDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbRoleStoreContractTest extends AbstractRoleStoreContractTest {

  private ContractDatabase database;

  @BeforeAll
  void migrate() throws SQLException {
    database = new ContractDatabase(SharedTestDatabases.Kind.MARIADB, "portcullis_role_contract");
  }

  @AfterAll
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected RoleStore emptyRoleStore() {
    return database.emptyStores(Clock.systemUTC()).roles();
  }
}
