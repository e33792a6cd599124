package dev.portcullis.impl.persistence;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The repository tests on MariaDB at 127.0.0.1:3306 (user {@code root}, database {@value #SCHEMA}),
 * which also stands for MySQL; only with {@code -Dportcullis.db.matrix=true}.
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.TestDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class MariaDbRepositoryTest extends AbstractRepositoryTest {

  @Override
  TestDatabase database() {
    return new TestDatabase.MariaDb();
  }

  @Override
  String usageColumn() {
    return "`usage`";
  }
}
