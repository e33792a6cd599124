package dev.portcullis.impl.persistence;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Adopting the {@code mariadb} Flask-Security fixture ({@code tools/flask-fixtures/mariadb/}); only
 * with {@code -Dportcullis.db.matrix=true}.
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.TestDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class MariaDbFlaskAdoptionTest extends AbstractFlaskAdoptionTest {

  @Override
  TestDatabase database() {
    return new TestDatabase.MariaDb();
  }

  @Override
  String fixtureName() {
    return "mariadb";
  }
}
