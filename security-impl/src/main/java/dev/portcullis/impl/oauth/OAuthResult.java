package dev.portcullis.impl.oauth;

import dev.portcullis.impl.signin.SignInResult;
import java.util.Map;
import java.util.Optional;

/** How a provider's answer ended ({@link OAuthService#finish}). */
public sealed interface OAuthResult {

  /**
   * The identity mapped to an active user, who went through the sign-in pipeline.
   *
   * @param signIn signed in, or waiting for a second factor
   * @param next the validated {@code next} saved when the sign-in started
   */
  record Completed(SignInResult signIn, Optional<String> next) implements OAuthResult {}

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
