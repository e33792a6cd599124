package dev.portcullis.impl.webauthn;

import java.util.Optional;

/**
 * The WebAuthn relying-party checks Portcullis needs (WebAuthn Level 3 §7.1 registration, §7.2
 * authentication). Exactly one implementation exists and it is the only class that imports
 * webauthn4j (DESIGN §3, one adapter per library); everything else in this package works with the
 * records below. Every library failure comes back as a refusal with a message key, never as an
 * exception.
 */
public interface RelyingParty {

  /**
   * Verifies a registration response (the {@code credential} JSON string the browser posts to
   * {@code /wan-register/<state>}) against what the state token promised: challenge, RP ID, allowed
   * origins and whether user verification was required. Attestation format {@code none} (and any
   * self/packed attestation without trust-path checks) is accepted.
   */
  RegistrationOutcome verifyRegistration(String credentialJson, Expectations expected);

  /**
   * Reads the credential id and the optional user handle of an authentication response without
   * checking anything, so the caller can find the stored credential first (WebAuthn L3 §7.2 steps
   * 5–6). Empty when the JSON is malformed.
   */
  Optional<AssertionIds> readAssertionIds(String credentialJson);

  /**
   * Verifies an authentication response against the stored credential and the state token's
   * expectations, including the signature counter rule of WebAuthn L3 §7.2 step 21.
   */
  AssertionOutcome verifyAssertion(
      String credentialJson, StoredCredential credential, Expectations expected);
}
