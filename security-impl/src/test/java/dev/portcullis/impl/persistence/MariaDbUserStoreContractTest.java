package dev.portcullis.impl.persistence;

import dev.portcullis.test.AbstractUserStoreContractTest;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The user store contract (security-test's test-jar) on the JPA repositories over MariaDB; only
 * with {@code -Dportcullis.db.matrix=true}.
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.TestDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbUserStoreContractTest extends AbstractUserStoreContractTest {

  private ContractDatabase database;

  @BeforeAll
  void migrate() throws SQLException {
    database = new ContractDatabase(SharedTestDatabases.Kind.MARIADB, "portcullis_user_contract");
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
