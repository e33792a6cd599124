package dev.portcullis.impl.webauthn;

import java.util.Optional;

/**
 * The identifiers in an authentication response, read before it is verified.
 *
 * @param credentialId the raw credential id ({@code rawId})
 * @param userHandle the authenticator's user handle, present for discoverable credentials; Flask
 *     sets it to the ASCII bytes of {@code fs_webauthn_user_handle}
 */
public record AssertionIds(byte[] credentialId, Optional<byte[]> userHandle) {

  /** Copies the array. */
  public AssertionIds {
    credentialId = credentialId.clone();
    userHandle = userHandle.map(byte[]::clone);
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }
}
