package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.SharedTestDatabases;

/** The two-factor SQL on in-memory H2 (always run). */
class H2TwoFactorRepositoryTest extends AbstractTwoFactorRepositoryTest {

  @Override
  SharedTestDatabases.Kind kind() {
    return SharedTestDatabases.Kind.H2;
  }
}
