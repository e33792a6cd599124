package dev.portcullis.impl.persistence;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The repository tests on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, database {@code
 * test}, schema {@value #SCHEMA}); only with {@code -Dportcullis.db.matrix=true}.
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.TestDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class PostgresqlRepositoryTest extends AbstractRepositoryTest {

  @Override
  TestDatabase database() {
    return new TestDatabase.Postgresql();
  }
}
