package dev.portcullis.impl.oauth;

import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.spi.OAuthIdentity;
import dev.portcullis.spi.OAuthUserMapper;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth / OpenID Connect sign-in (Flask-Security {@code oauth_glue.oauthstart} and {@code
 * oauthresponse}, spec §1.2 #31/#32): starts an authorization with a provider and turns its answer
 * into a user, who then goes through the one sign-in pipeline with primary method {@code oauth} —
 * so a user with a second factor still has to pass it. Nothing is written unless the sign-in
 * succeeds.
 */
@ApplicationScoped
public class OAuthService {

  /**
   * The primary method's name in the pipeline, as Flask-Security's {@code tf_enter(..., "oauth")}.
   */
  static final String METHOD = "oauth";

  private OAuthConfig config;
  private NimbusOAuthClient client;
  private OAuthUserMapper mapper;
  private LoginConfig login;

  /** For CDI. */
  protected OAuthService() {}

  @Inject
  OAuthService(
      OAuthConfig config, NimbusOAuthClient client, OAuthUserMapper mapper, LoginConfig login) {
    this.config = config;
    this.client = client;
    this.mapper = mapper;
    this.login = login;
  }

  /** The configured provider of that name, when OAuth sign-in is on. */
  public Optional<OAuthProvider> provider(String name) {
    return config.provider(name);
  }

  /**
   * Starts a sign-in: answers the provider's authorization URL and the authorization to keep in the
   * browser, or why the provider could not be asked.
   *
   * @param redirectUri the callback URL, built from a vetted base URL
   * @param next an already validated {@code next}
   */
  public ProviderAnswer start(OAuthProvider provider, URI redirectUri, Optional<String> next) {
    return client.authorize(provider, redirectUri, next);
  }

  /**
   * Checks the provider's answer and maps the identity it proves to a user.
   *
   * @param started the authorization the browser's cookie holds, if any
   * @param answer the callback's query parameters ({@code code}, {@code state}, {@code error},
   *     {@code error_description})
   */
  public OAuthResult finish(
      OAuthProvider provider, Optional<OAuthAuthorization> started, Map<String, String> answer) {
    if (answer.containsKey("error")) {
      return OAuthResult.Failed.handshake(
          new ProviderError(answer.get("error"), answer.getOrDefault("error_description", "")));
    }
    Optional<OAuthAuthorization> matching =
        started.filter(
            s -> s.provider().equals(provider.name()) && sameState(s.state(), answer.get("state")));
    if (matching.isEmpty()) {
      // Authlib's MismatchingStateError text.
      return OAuthResult.Failed.handshake(
          new ProviderError(
              "mismatching_state", "CSRF Warning! State not equal in request and response."));
    }
    String code = answer.get("code");
    if (code == null || code.isEmpty()) {
      return OAuthResult.Failed.handshake(
          new ProviderError("invalid_request", "The provider sent no authorization code"));
    }
    ProviderAnswer exchanged = client.exchange(provider, matching.get(), code);
    if (exchanged instanceof ProviderAnswer.Failed failed) {
      return OAuthResult.Failed.handshake(failed.error());
    }
    OAuthIdentity identity = ((ProviderAnswer.Identified) exchanged).identity();
    return authenticated(identity, matching.get().next());
  }

  private OAuthResult authenticated(OAuthIdentity identity, Optional<String> next) {
    Optional<UserRecord> user = mapper.userFor(identity);
    if (user.isEmpty()) {
      // Shows only the caller's own identity (as Flask-Security), so it enumerates nobody.
      return new OAuthResult.Failed(
          "IDENTITY_NOT_REGISTERED", Map.of("id", identity.email().orElse(identity.subject())));
    }
    if (login.confirmationRequired() && user.get().confirmedAt() == null) {
      return new OAuthResult.Failed("CONFIRMATION_REQUIRED", Map.of());
    }
    if (!user.get().active()) {
      return new OAuthResult.Failed("DISABLED_ACCOUNT", Map.of());
    }
    PrimaryAuthentication primary =
        PrimaryAuthentication.of(user.get(), METHOD, login.defaultRememberMe());
    return new OAuthResult.Authenticated(primary, next);
  }

  /** Compares in constant time: the state is a secret shared with the provider. */
  private static boolean sameState(String expected, String received) {
    return received != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
  }
}
