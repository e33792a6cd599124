package dev.portcullis.impl.persistence;

/** The repository tests on in-memory H2 (always run). */
class H2RepositoryTest extends AbstractRepositoryTest {

  private final TestDatabase database = new TestDatabase.H2();

  @Override
  TestDatabase database() {
    return database;
  }
}
