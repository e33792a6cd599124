package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.persistence.SharedTestDatabases;

/** The WebAuthn SQL on in-memory H2 (always run). */
class H2WebAuthnRepositoryTest extends AbstractWebAuthnRepositoryTest {

  @Override
  SharedTestDatabases.Kind kind() {
    return SharedTestDatabases.Kind.H2;
  }
}
