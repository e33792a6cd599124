package dev.portcullis.impl.authentication;

import dev.portcullis.spi.UserRecord;

/**
 * Whether a user can re-authenticate with a security key (Flask-Security's {@code
 * has_webauthn_verify_credential}), for the answers of {@code /verify}, {@code /us-verify} and a
 * freshness denial. Implemented by the WebAuthn feature; declared here so those answers do not
 * depend on it.
 */
public interface KeyReauthentication {

  /** Whether {@code user} owns a key {@code /wan-verify} accepts. */
  boolean has(UserRecord user);
}
