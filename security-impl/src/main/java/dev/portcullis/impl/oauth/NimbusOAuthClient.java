package dev.portcullis.impl.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.portcullis.impl.jose.NimbusJose;
import dev.portcullis.impl.jose.NimbusJose.IdTokenCheck;
import dev.portcullis.spi.OAuthIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The one adapter to the Nimbus OAuth 2.0 SDK with OpenID Connect extensions (DESIGN §3): builds
 * authorization requests (RFC 6749 §4.1.1 with {@code state}, RFC 7636 PKCE S256, OIDC Core
 * §3.1.2.1 {@code nonce}), redeems the code (§4.1.3), checks the ID token (OIDC Core §3.1.3.7:
 * signature by the issuer's published keys, issuer, audience, expiry, nonce) and reads the
 * identity. The ID token's signature and claims are checked by the JOSE adapter ({@link
 * NimbusJose}), the one class that uses nimbus-jose-jwt; this one uses only the SDK's protocol
 * types. Library exceptions end here as {@link ProviderAnswer.Failed}. Ports the part of
 * Flask-Security's {@code oauth_glue} that Authlib does.
 *
 * <p>OpenID Connect providers are discovered from their issuer on first use, not at start-up, so a
 * provider that is down fails its sign-ins with a message instead of the deployment; a failed
 * discovery is retried on the next sign-in. The client secret is sent to the token endpoint only.
 */
@ApplicationScoped
public class NimbusOAuthClient {

  private static final Logger LOG = Logger.getLogger(NimbusOAuthClient.class.getName());
  private static final Set<String> TEXT_CLAIMS = Set.of("name", "given_name", "family_name");

  private OAuthConfig config;
  private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

  /** A provider's discovery document and the keys its ID tokens are signed with. */
  private record Discovered(OIDCProviderMetadata metadata, NimbusJose.IssuerKeys keys) {}

  /** For CDI. */
  protected NimbusOAuthClient() {}

  @Inject
  public NimbusOAuthClient(OAuthConfig config) {
    this.config = config;
  }

  /**
   * Starts an authorization: fresh {@code state}, {@code nonce} and PKCE verifier, and the URL that
   * sends the browser to the provider.
   */
  public ProviderAnswer authorize(OAuthProvider provider, URI redirectUri, Optional<String> next) {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    OAuthAuthorization started =
        new OAuthAuthorization(
            provider.name(),
            state.getValue(),
            nonce.getValue(),
            verifier.getValue(),
            redirectUri,
            next);
    ClientID client = new ClientID(provider.clientId());
    Scope scope = new Scope(provider.scopes().toArray(String[]::new));
    ResponseType code = new ResponseType(ResponseType.Value.CODE);
    if (provider.kind() == OAuthProvider.Kind.GITHUB) {
      URI location =
          new AuthorizationRequest.Builder(code, client)
              .endpointURI(provider.gitHub().orElseThrow().authorize())
              .redirectionURI(redirectUri)
              .scope(scope)
              .state(state)
              .codeChallenge(verifier, CodeChallengeMethod.S256)
              .build()
              .toURI();
      return new ProviderAnswer.Redirect(location, started);
    }
    try {
      URI endpoint = discover(provider).metadata().getAuthorizationEndpointURI();
      URI location =
          new AuthenticationRequest.Builder(code, scope, client, redirectUri)
              .endpointURI(endpoint)
              .state(state)
              .nonce(nonce)
              .codeChallenge(verifier, CodeChallengeMethod.S256)
              .build()
              .toURI();
      return new ProviderAnswer.Redirect(location, started);
    } catch (IOException | GeneralException e) {
      return unreachable(provider, e);
    }
  }

  /**
   * Redeems an authorization code for the identity it proves. {@code authorization} is the one the
   * caller already matched to the answer's {@code state}.
   */
  public ProviderAnswer exchange(
      OAuthProvider provider, OAuthAuthorization authorization, String code) {
    try {
      return provider.kind() == OAuthProvider.Kind.GITHUB
          ? github(provider, authorization, code)
          : openIdConnect(provider, authorization, code);
    } catch (IOException | GeneralException e) {
      return unreachable(provider, e);
    }
  }

  private ProviderAnswer openIdConnect(
      OAuthProvider provider, OAuthAuthorization authorization, String code)
      throws IOException, GeneralException {
    Discovered found = discover(provider);
    OIDCProviderMetadata metadata = found.metadata();
    TokenRequest request =
        new TokenRequest(
            metadata.getTokenEndpointURI(),
            clientAuthentication(provider, metadata.getTokenEndpointAuthMethods()),
            grant(authorization, code),
            null);
    TokenResponse response = OIDCTokenResponseParser.parse(send(request.toHTTPRequest()));
    if (!response.indicatesSuccess()) {
      return failed(response.toErrorResponse().getErrorObject());
    }
    OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    if (tokens.getIDToken() == null) {
      return new ProviderAnswer.Failed("invalid_id_token", "The provider sent no ID token");
    }
    IdTokenCheck checked =
        found
            .keys()
            .check(
                tokens.getIDTokenString(),
                metadata.getIssuer().getValue(),
                provider.clientId(),
                authorization.nonce());
    if (checked instanceof IdTokenCheck.Refused refused) {
      return refusedIdToken(provider, refused.description());
    }
    IdTokenCheck.Valid claims = (IdTokenCheck.Valid) checked;
    Optional<String> email = text(claims.claims(), "email");
    Object verified = claims.claims().get("email_verified");
    if (email.isEmpty() && metadata.getUserInfoEndpointURI() != null) {
      return fromUserInfo(provider, metadata, tokens.getBearerAccessToken(), claims.subject());
    }
    Map<String, String> text = new HashMap<>();
    TEXT_CLAIMS.forEach(name -> text(claims.claims(), name).ifPresent(v -> text.put(name, v)));
    return new ProviderAnswer.Identified(
        new OAuthIdentity(
            provider.name(),
            claims.subject(),
            email,
            "true".equals(String.valueOf(verified)),
            text));
  }

  /** The email from the UserInfo endpoint, for providers whose ID token carries none. */
  private ProviderAnswer fromUserInfo(
      OAuthProvider provider,
      OIDCProviderMetadata metadata,
      BearerAccessToken token,
      String subject)
      throws IOException, ParseException {
    HTTPRequest request =
        new UserInfoRequest(metadata.getUserInfoEndpointURI(), token).toHTTPRequest();
    UserInfoResponse response = UserInfoResponse.parse(send(request));
    if (!response.indicatesSuccess()) {
      return failed(response.toErrorResponse().getErrorObject());
    }
    UserInfo info = response.toSuccessResponse().getUserInfo();
    // OIDC Core §5.3.2: the UserInfo must be about the ID token's subject.
    if (!subject.equals(info.getSubject().getValue())) {
      return new ProviderAnswer.Failed("invalid_userinfo", "The provider's answers disagree");
    }
    Map<String, String> text = new HashMap<>();
    Optional.ofNullable(info.getName()).ifPresent(v -> text.put("name", v));
    return new ProviderAnswer.Identified(
        new OAuthIdentity(
            provider.name(),
            info.getSubject().getValue(),
            Optional.ofNullable(info.getEmailAddress()),
            Boolean.TRUE.equals(info.getEmailVerified()),
            text));
  }

  private ProviderAnswer github(
      OAuthProvider provider, OAuthAuthorization authorization, String code)
      throws IOException, ParseException {
    HTTPRequest request =
        new TokenRequest(
                provider.gitHub().orElseThrow().token(),
                new ClientSecretPost(
                    new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                grant(authorization, code),
                null)
            .toHTTPRequest();
    request.setAccept("application/json");
    var answer = JSONObjectUtils.parse(send(request).getBody());
    // GitHub reports token errors with status 200 and an error field.
    if (answer.containsKey("error")) {
      return new ProviderAnswer.Failed(
          JSONObjectUtils.getString(answer, "error", "error"),
          JSONObjectUtils.getString(answer, "error_description", ""));
    }
    BearerAccessToken token = AccessTokenResponse.parse(answer).getTokens().getBearerAccessToken();
    var user = JSONObjectUtils.parse(githubApi(provider, "user", token).getBody());
    var emails = JSONArrayUtils.parse(githubApi(provider, "user/emails", token).getBody());
    Optional<String> verified =
        emails.stream()
            .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("verified")))
            .map(e -> (Map<?, ?>) e)
            .sorted(
                (a, b) ->
                    Boolean.compare(
                        Boolean.TRUE.equals(b.get("primary")),
                        Boolean.TRUE.equals(a.get("primary"))))
            .map(m -> String.valueOf(m.get("email")))
            .findFirst();
    Optional<String> email = verified.or(() -> text(user, "email"));
    Map<String, String> text = new HashMap<>();
    text(user, "name").ifPresent(v -> text.put("name", v));
    return new ProviderAnswer.Identified(
        new OAuthIdentity(
            provider.name(), String.valueOf(user.get("id")), email, verified.isPresent(), text));
  }

  private static Optional<String> text(Map<String, Object> json, String key) {
    return json.get(key) instanceof String value ? Optional.of(value) : Optional.empty();
  }

  private HTTPResponse githubApi(OAuthProvider provider, String path, BearerAccessToken token)
      throws IOException {
    URI url = provider.gitHub().orElseThrow().api().resolve(path);
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
    request.setAuthorization(token.toAuthorizationHeader());
    request.setAccept("application/vnd.github+json");
    HTTPResponse response = send(request);
    if (!response.indicatesSuccess()) {
      throw new IOException("GitHub API " + path + " answered " + response.getStatusCode());
    }
    return response;
  }

  private Discovered discover(OAuthProvider provider) throws IOException, GeneralException {
    Discovered known = discovered.get(provider.name());
    if (known != null) {
      return known;
    }
    int millis = timeoutMillis();
    Issuer issuer = new Issuer(provider.issuer().orElseThrow().toString());
    // resolve() also checks that the document names the configured issuer.
    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, millis, millis);
    List<String> algorithms =
        Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of()).stream()
            .map(Object::toString)
            .toList();
    Discovered found =
        new Discovered(
            metadata,
            NimbusJose.issuerKeys(metadata.getJWKSetURI(), algorithms, config.httpTimeout()));
    discovered.put(provider.name(), found);
    return found;
  }

  private static ClientAuthentication clientAuthentication(
      OAuthProvider provider, List<ClientAuthenticationMethod> supported) {
    ClientID id = new ClientID(provider.clientId());
    Secret secret = new Secret(provider.clientSecret());
    boolean postOnly =
        supported != null
            && !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
  }

  private static AuthorizationCodeGrant grant(OAuthAuthorization authorization, String code) {
    return new AuthorizationCodeGrant(
        new AuthorizationCode(code),
        authorization.redirectUri(),
        new CodeVerifier(authorization.codeVerifier()));
  }

  private HTTPResponse send(HTTPRequest request) throws IOException {
    int millis = timeoutMillis();
    request.setConnectTimeout(millis);
    request.setReadTimeout(millis);
    return request.send();
  }

  private int timeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
  }

  private static ProviderAnswer failed(ErrorObject error) {
    return new ProviderAnswer.Failed(
        error.getCode() == null ? "error" : error.getCode(),
        error.getDescription() == null ? "" : error.getDescription());
  }

  /** Says what failed in the JOSE adapter's words, which quote nothing of the token. */
  private static ProviderAnswer refusedIdToken(OAuthProvider provider, String description) {
    LOG.warning(() -> "Refused an ID token of provider " + provider.name() + ": " + description);
    return new ProviderAnswer.Failed("invalid_id_token", description);
  }

  private static ProviderAnswer unreachable(OAuthProvider provider, Exception e) {
    LOG.warning(
        () ->
            "OAuth provider "
                + provider.name()
                + " failed: "
                + e.getClass().getSimpleName()
                + (e instanceof ParseException ? " (unreadable answer)" : ""));
    return e instanceof ParseException
        ? new ProviderAnswer.Failed("invalid_response", "The provider's answer could not be read")
        : new ProviderAnswer.Failed("provider_unreachable", "The provider could not be reached");
  }
}
