package dev.portcullis.impl.webauthn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data of WebAuthn: the {@code fs_webauthn} rows (Flask-Security's {@code create_webauthn},
 * {@code find_webauthn}, {@code delete_webauthn}, spec §4.4) and the challenges already answered,
 * shared by every node. The default is {@link JpaWebAuthnStore}; an application with its own user
 * store replaces it with an {@code @Alternative @Priority(...)} bean.
 */
public interface WebAuthnStore {

  /** The user's credentials, oldest first. */
  List<WebAuthnCredential> credentialsOf(long userId);

  /** The credential with this raw id, whoever owns it. */
  Optional<WebAuthnCredential> find(byte[] credentialId);

  /**
   * Stores a credential for {@code userId} and records {@code challenge} as answered, atomically:
   * nothing is written unless every check passes. Sets the user's {@code fs_webauthn_user_handle}
   * to the new credential's handle when the user has none.
   */
  Registration register(long userId, NewCredential credential, UsedChallenge challenge);

  /**
   * Records a successful assertion of credential row {@code id}: the new counter, flags and last
   * use, and {@code challenge} as answered; only if the stored counter is still {@code
   * expectedCount} and the challenge was not answered before (on any node).
   */
  Use recordUse(
      long id,
      long expectedCount,
      AssertionOutcome.Verified verified,
      Instant now,
      UsedChallenge challenge);

  /** Deletes the user's credential named {@code name}; false when there is none. */
  boolean delete(long userId, String name);

  /** How {@link #register} went. */
  enum Registration {
    /** Stored. */
    STORED,
    /** The user has a credential of that name. */
    NAME_IN_USE,
    /** The credential id is registered (to anyone). */
    CREDENTIAL_ID_IN_USE,
    /** The challenge was answered before: a replayed response. */
    CHALLENGE_USED,
    /** The user is gone, or got another user handle meanwhile. */
    USER_CHANGED
  }

  /** How {@link #recordUse} went. */
  enum Use {
    /** Recorded. */
    RECORDED,
    /** The challenge was answered before: a replayed assertion. */
    CHALLENGE_USED,
    /** The credential is gone or its counter moved meanwhile (a concurrent use or clone). */
    COUNTER_MOVED
  }
}
