package dev.portcullis.impl.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured sign-in provider ({@code security.oauth.<name>.*}).
 *
 * @param name the name in the URLs ({@code /login/oauthstart/<name>}) and in the keys
 * @param kind how Portcullis talks to it
 * @param label the text of the login page's button
 * @param clientId the client id registered with the provider
 * @param clientSecret the client secret; never logged, never in {@link #toString()}
 * @param issuer the OpenID Connect issuer whose discovery document describes the provider; empty
 *     for GitHub
 * @param scopes the scopes asked for
 */
public record OAuthProvider(
    String name,
    Kind kind,
    String label,
    String clientId,
    String clientSecret,
    Optional<URI> issuer,
    List<String> scopes) {

  /** Google's OpenID Connect issuer. */
  public static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com");

  /** How a provider is spoken to. */
  public enum Kind {
    /** OpenID Connect: discovery, ID token checked against the issuer's keys, nonce. */
    OIDC,
    /** GitHub's OAuth 2.0 apps: no ID token; the identity comes from its REST API. */
    GITHUB
  }

  /** Checks the parts. */
  public OAuthProvider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(issuer, "issuer");
    scopes = List.copyOf(scopes);
    if (kind == Kind.OIDC && issuer.isEmpty()) {
      throw new IllegalArgumentException("an OpenID Connect provider needs its issuer");
    }
  }

  /** The default button text: the name with a capital. */
  public static String defaultLabel(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** Without the client secret. */
  @Override
  public String toString() {
    return "OAuthProvider[name="
        + name
        + ", kind="
        + kind
        + ", clientId="
        + clientId
        + ", issuer="
        + issuer.map(URI::toString).orElse("-")
        + ", scopes="
        + scopes
        + "]";
  }
}
