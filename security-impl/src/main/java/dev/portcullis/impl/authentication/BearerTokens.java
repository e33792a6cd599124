package dev.portcullis.impl.authentication;

import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer} tokens for the {@link Authenticator} ({@code
 * Mechanism.JWT}). The JWT feature provides the one implementation; without it no bearer token
 * authenticates.
 */
public interface BearerTokens {

  /** The {@code fs_uniquifier} a valid token names; empty for anything else. */
  Optional<String> subject(String token);
}
