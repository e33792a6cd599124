package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;

/** The WebAuthn SQL on PostgreSQL (database matrix only). */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.SharedTestDatabases#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class PostgresqlWebAuthnRepositoryTest extends AbstractWebAuthnRepositoryTest {

  @Override
  SharedTestDatabases.Kind kind() {
    return SharedTestDatabases.Kind.POSTGRESQL;
  }
}
