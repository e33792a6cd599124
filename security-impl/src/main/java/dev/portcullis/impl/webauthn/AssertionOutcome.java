package dev.portcullis.impl.webauthn;

/** The result of {@link RelyingParty#verifyAssertion}. */
public sealed interface AssertionOutcome {

  /**
   * A verified assertion.
   *
   * @param signCount the new counter to store
   * @param userVerified the UV flag (with UV a first-factor key may satisfy the second factor)
   * @param backupEligible the BE flag ({@code device_type})
   * @param backupState the BS flag
   */
  record Verified(long signCount, boolean userVerified, boolean backupEligible, boolean backupState)
      implements AssertionOutcome {}

  /**
   * The counter did not move forward although it is in use: a sign of a cloned authenticator
   * (WebAuthn L3 §7.2 step 21). Refused and reported by the caller.
   */
  record CounterRegressed(long storedCount, long receivedCount) implements AssertionOutcome {}

  /**
   * Not verified.
   *
   * @param messageKey {@code API_ERROR} when the JSON could not be parsed, else {@code
   *     WEBAUTHN_NO_VERIFY}
   * @param cause a short, non-secret reason
   */
  record Refused(String messageKey, String cause) implements AssertionOutcome {}
}
