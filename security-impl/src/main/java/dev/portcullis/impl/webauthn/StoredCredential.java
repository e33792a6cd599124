package dev.portcullis.impl.webauthn;

/**
 * The parts of an {@code fs_webauthn} row an assertion is verified against.
 *
 * @param credentialId raw credential id bytes
 * @param publicKey the COSE-encoded credential public key, as Flask-Security (py_webauthn) stores
 *     it
 * @param signCount the stored signature counter
 */
public record StoredCredential(byte[] credentialId, byte[] publicKey, long signCount) {

  /** Copies the arrays. */
  public StoredCredential {
    credentialId = credentialId.clone();
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
