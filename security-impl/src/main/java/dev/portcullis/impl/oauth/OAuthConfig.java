package dev.portcullis.impl.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * OAuth / OpenID Connect sign-in settings (spec §2.16).
 *
 * @param enabled {@code security.oauth_enable}
 * @param providers the providers offered, in the order of their buttons
 * @param stateLifetime {@code security.oauth_state_lifetime}: how long a started sign-in waits
 * @param httpTimeout {@code security.oauth_http_timeout}: per call to a provider
 * @param loginErrorView {@code security.login_error_view} (SPA)
 * @param postOAuthLoginView {@code security.post_oauth_login_view} (SPA)
 */
public record OAuthConfig(
    boolean enabled,
    List<OAuthProvider> providers,
    Duration stateLifetime,
    Duration httpTimeout,
    Optional<String> loginErrorView,
    Optional<String> postOAuthLoginView) {

  /** Copies the list. */
  public OAuthConfig {
    providers = List.copyOf(providers);
  }

  /** The provider of that name, when the feature is on and it is configured. */
  public Optional<OAuthProvider> provider(String name) {
    if (!enabled) {
      return Optional.empty();
    }
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
