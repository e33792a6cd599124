package dev.portcullis.cli;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The commands on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, database {@code test},
 * schema {@code portcullis_cli_test}); only with {@code -Dportcullis.db.matrix=true} or {@code
 * PORTCULLIS_DB_MATRIX=true}.
 */
@EnabledIf(
    value = "dev.portcullis.cli.CliDatabase#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
class PostgresqlCliCommandsTest extends AbstractCliCommandsTest {

  private final CliDatabase database = new CliDatabase.Postgresql();

  @Override
  CliDatabase database() {
    return database;
  }
}
