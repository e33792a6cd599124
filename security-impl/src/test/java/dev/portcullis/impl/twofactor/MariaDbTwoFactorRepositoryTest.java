package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;

/** The two-factor SQL on MariaDB (database matrix only). */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.SharedTestDatabases#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class MariaDbTwoFactorRepositoryTest extends AbstractTwoFactorRepositoryTest {

  @Override
  SharedTestDatabases.Kind kind() {
    return SharedTestDatabases.Kind.MARIADB;
  }
}
