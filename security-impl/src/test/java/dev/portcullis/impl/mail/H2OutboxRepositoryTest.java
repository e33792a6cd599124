package dev.portcullis.impl.mail;

import dev.portcullis.impl.persistence.SharedTestDatabases;

/** The outbox SQL on in-memory H2 (always run). */
class H2OutboxRepositoryTest extends AbstractOutboxRepositoryTest {

  @Override
  SharedTestDatabases.Kind kind() {
    return SharedTestDatabases.Kind.H2;
  }
}
