package dev.portcullis.impl.persistence;

import dev.portcullis.test.AbstractUserStoreContractTest;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The user store contract (security-test's test-jar) on the JPA repositories over in-memory H2:
 * proves the in-memory double and the real store agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2UserStoreContractTest extends AbstractUserStoreContractTest {

  private ContractDatabase database;

  @BeforeAll
  void migrate() throws SQLException {
    database = new ContractDatabase(SharedTestDatabases.Kind.H2, "portcullis_user_contract");
  }

  @AfterAll
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected Stores emptyStores(Clock clock) {
    StandaloneStores stores = database.emptyStores(clock);
    return new Stores(stores.users(), stores.roles());
  }
}
