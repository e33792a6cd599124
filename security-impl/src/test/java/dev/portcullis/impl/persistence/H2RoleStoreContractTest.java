package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleStore;
import dev.portcullis.test.AbstractRoleStoreContractTest;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The role store contract (security-test's test-jar) on the JPA repositories over in-memory H2:
 * proves the in-memory double and the real store agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2RoleStoreContractTest extends AbstractRoleStoreContractTest {

  private ContractDatabase database;

  @BeforeAll
  void migrate() throws SQLException {
    database = new ContractDatabase(SharedTestDatabases.Kind.H2, "portcullis_role_contract");
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
