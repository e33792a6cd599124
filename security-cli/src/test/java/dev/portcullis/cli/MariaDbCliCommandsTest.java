package dev.portcullis.cli;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The commands on MariaDB at 127.0.0.1:3306 (user {@code root}, database {@code
 * portcullis_cli_test}); only with {@code -Dportcullis.db.matrix=true} or {@code
 * PORTCULLIS_DB_MATRIX=true}.
 */
@EnabledIf(
    value = "dev.portcullis.cli.CliDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class MariaDbCliCommandsTest extends AbstractCliCommandsTest {

  private final CliDatabase database = new CliDatabase.MariaDb();

  @Override
  CliDatabase database() {
    return database;
  }
}
