package dev.portcullis.sample.support;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test JVM ({@code mock-oauth2-server}): discovery document,
 * signing keys, authorization endpoint (signs in whoever comes, no page), token endpoint issuing
 * RS256 ID tokens with the nonce of the authorization request. The server under test reaches it on
 * {@code localhost}. What the next sign-in proves is queued with {@link #nextSignIn}.
 */
public final class OidcProvider implements AutoCloseable {

  public static final String ISSUER_ID = "it-issuer";
  public static final String CLIENT_ID = "portcullis-it";
  public static final String CLIENT_SECRET = "it-client-secret-never-logged";

  private final MockOAuth2Server server = new MockOAuth2Server();

  private OidcProvider() {}

  public static OidcProvider start() {
    OidcProvider provider = new OidcProvider();
    provider.server.start();
    return provider;
  }

  /** The issuer URL, as the discovery document names it. */
  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /**
   * The configuration of provider {@code name} on this issuer, plus one that is down (an issuer on
   * a port nobody listens on).
   */
  public String configuration(String name, int deadPort) {
    return "security.oauth_enable=true\n"
        + "security.oauth_providers="
        + name
        + ",down\n"
        + "security.oauth."
        + name
        + ".issuer="
        + issuer()
        + "\nsecurity.oauth."
        + name
        + ".client_id="
        + CLIENT_ID
        + "\nsecurity.oauth."
        + name
        + ".client_secret="
        + CLIENT_SECRET
        + "\nsecurity.oauth."
        + name
        + ".label=Test provider\n"
        + "security.oauth.down.issuer=http://127.0.0.1:"
        + deadPort
        + "/nobody\n"
        + "security.oauth.down.client_id=down\n"
        + "security.oauth.down.client_secret=down-secret\n"
        + "security.oauth_http_timeout=20 seconds\n";
  }

  /**
   * What the next token request's ID token says.
   *
   * @param expirySeconds lifetime from now; negative for a token that expired before it was issued
   */
  public void nextSignIn(String subject, Map<String, Object> claims, long expirySeconds) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, expirySeconds));
  }

  /** The next sign-in proves {@code email}, verified. */
  public void nextSignIn(String email) {
    nextSignIn("sub-" + email, Map.of("email", email, "email_verified", true), 3600);
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
