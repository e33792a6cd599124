package dev.portcullis.impl.oauth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization started with a provider and not answered yet: what the answer is checked against
 * (RFC 6749 §10.12 {@code state}, RFC 7636 PKCE verifier, OIDC Core §3.1.2.1 {@code nonce}). It
 * travels in the starting browser's signed {@code fs_oauth} cookie only.
 *
 * @param provider the provider's name
 * @param state the {@code state} sent to the provider
 * @param nonce the {@code nonce} sent to an OpenID Connect provider
 * @param codeVerifier the PKCE code verifier whose S256 challenge was sent
 * @param redirectUri the callback URL sent, which the token request must repeat
 * @param next the validated {@code next} to go to after signing in (Flask's {@code fs_oauth_next})
 */
public record OAuthAuthorization(
    String provider,
    String state,
    String nonce,
    String codeVerifier,
    URI redirectUri,
    Optional<String> next) {

  /** Checks the parts. */
  public OAuthAuthorization {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(next, "next");
  }

  /** Without the secrets. */
  @Override
  public String toString() {
    return "OAuthAuthorization[provider=" + provider + ", redirectUri=" + redirectUri + "]";
  }
}
