package dev.portcullis.impl.oauth;

import dev.portcullis.impl.signin.PrimaryAuthentication;
import java.util.Map;
import java.util.Optional;

/** How a provider's answer ended ({@link OAuthService#finish}). */
public sealed interface OAuthResult {

  /**
   * The identity mapped to an active user: the primary authentication for the sign-in pipeline.
   *
   * @param primary the user, method {@code oauth} and the remember-me default
   * @param next the validated {@code next} saved when the sign-in started
   */
  record Authenticated(PrimaryAuthentication primary, Optional<String> next)
      implements OAuthResult {}

  /**
   * Nothing signed in and nothing written.
   *
   * @param messageKey {@code OAUTH_HANDSHAKE_ERROR}, {@code IDENTITY_NOT_REGISTERED}, ...
   * @param args the message's placeholders
   */
  record Failed(String messageKey, Map<String, String> args) implements OAuthResult {
    /** Copies the arguments. */
    public Failed {
      args = Map.copyOf(args);
    }

    static Failed handshake(ProviderError error) {
      return new Failed(
          "OAUTH_HANDSHAKE_ERROR", Map.of("exerror", error.error(), "exdesc", error.description()));
    }
  }
}
