package dev.portcullis.impl.webauthn;

import java.util.List;
import java.util.Optional;

/** The result of {@link RelyingParty#verifyRegistration}. */
public sealed interface RegistrationOutcome {

  /**
   * A verified new credential: what {@code fs_webauthn} stores (spec §4.3).
   *
   * @param credentialId raw credential id
   * @param publicKey COSE-encoded public key
   * @param signCount the authenticator's initial counter
   * @param transports the transports the browser reported (may be empty)
   * @param backupEligible the BE flag ({@code multi_device} when set)
   * @param backupState the BS flag
   * @param userVerified the UV flag
   * @param discoverable the {@code credProps.rk} client extension result, when the browser gave it
   * @param extensionsJson the client extension results as JSON text, e.g. {@code
   *     {"credProps":{"rk":true}}}, or empty when there were none
   */
  record Verified(
      byte[] credentialId,
      byte[] publicKey,
      long signCount,
      List<String> transports,
      boolean backupEligible,
      boolean backupState,
      boolean userVerified,
      Optional<Boolean> discoverable,
      Optional<String> extensionsJson)
      implements RegistrationOutcome {

    /** Copies the mutable parts. */
    public Verified {
      credentialId = credentialId.clone();
      publicKey = publicKey.clone();
      transports = List.copyOf(transports);
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

  /**
   * Not verified.
   *
   * @param messageKey {@code API_ERROR} when the JSON could not be parsed, else {@code
   *     WEBAUTHN_NO_VERIFY}
   * @param cause a short, non-secret reason for the {@code %(cause)s} argument (e.g. "origin
   *     mismatch"); never library class names or stack traces
   */
  record Refused(String messageKey, String cause) implements RegistrationOutcome {}
}
