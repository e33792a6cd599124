package dev.portcullis.cli;

/** The commands on an H2 file database in a temporary directory (always run). */
class H2CliCommandsTest extends AbstractCliCommandsTest {

  private final CliDatabase database = new CliDatabase.H2File();

  @Override
  CliDatabase database() {
    return database;
  }
}
