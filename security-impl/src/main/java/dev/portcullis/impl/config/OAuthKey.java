package dev.portcullis.impl.config;

/**
 * Keys of OAuth / OpenID Connect sign-in (spec §2.16) and of the MicroProfile JWT access tokens. A
 * provider's own settings are {@code security.oauth.<name>.*} ({@code client_id}, {@code
 * client_secret}, {@code issuer}, {@code scopes}); they are read per configured name, see {@link
 * OAuthSettings}. See {@link ConfigKey}.
 */
public enum OAuthKey implements ConfigKey {
  OAUTH_ENABLE(
      new KeySpec(
          "security.oauth_enable",
          "false",
          "SECURITY_OAUTH_ENABLE",
          "Sign-in through OAuth / OpenID Connect providers: /login/oauthstart/<name>,"
              + " /login/oauthresponse/<name> and a button per provider on the login page.")),
  OAUTH_BUILTIN_PROVIDERS(
      new KeySpec(
          "security.oauth_builtin_providers",
          "github,google",
          "SECURITY_OAUTH_BUILTIN_PROVIDERS",
          "Built-in providers to offer; each is offered only once security.oauth.<name>.client_id"
              + " and client_secret are set.")),
  OAUTH_PROVIDERS(
      new KeySpec(
          "security.oauth_providers",
          "none",
          "(Portcullis)",
          "Names of further OpenID Connect providers, each configured by"
              + " security.oauth.<name>.issuer, client_id, client_secret (and optionally scopes,"
              + " label).")),
  OAUTH_STATE_LIFETIME(
      new KeySpec(
          "security.oauth_state_lifetime",
          "10 minutes",
          "(Portcullis)",
          "How long a started sign-in waits for the provider's answer.")),
  OAUTH_HTTP_TIMEOUT(
      new KeySpec(
          "security.oauth_http_timeout",
          "5 seconds",
          "(Portcullis)",
          "Connect and read timeout of each call to a provider (discovery, token, keys, user"
              + " info).")),
  LOGIN_ERROR_VIEW(
      new KeySpec(
          "security.login_error_view",
          "none",
          "SECURITY_LOGIN_ERROR_VIEW",
          "With security.redirect_behavior=spa: where a failed OAuth sign-in is sent"
              + " (?error=<message>); none = the login page.")),
  POST_OAUTH_LOGIN_VIEW(
      new KeySpec(
          "security.post_oauth_login_view",
          "none",
          "SECURITY_POST_OAUTH_LOGIN_VIEW",
          "With security.redirect_behavior=spa: where a successful OAuth sign-in is sent"
              + " (?email=...&identity=...); none = security.post_login_view.")),
  JWT_ENABLE(
      new KeySpec(
          "security.jwt_enable",
          "false",
          "(Portcullis)",
          "MicroProfile JWT access tokens: POST /jwt issues one to the signed-in caller, GET /jwks"
              + " publishes the public keys; with jwt in security.api_enabled_methods they"
              + " authenticate Authorization: Bearer requests here too.")),
  JWT_ISSUER(
      new KeySpec(
          "security.jwt_issuer",
          "none",
          "(Portcullis)",
          "The iss claim (required with security.jwt_enable); consuming services set"
              + " mp.jwt.verify.issuer to it.")),
  JWT_AUDIENCE(
      new KeySpec(
          "security.jwt_audience",
          "none",
          "(Portcullis)",
          "The aud claim: the services the tokens are for, comma-separated (required with"
              + " security.jwt_enable); tokens presented here must name the first.")),
  JWT_LIFETIME(
      new KeySpec(
          "security.jwt_lifetime",
          "5 minutes",
          "(Portcullis)",
          "How long an access token is valid; also how long a revoked user's tokens live on.")),
  JWT_KEYS_FILE(
      new KeySpec(
          "security.jwt_keys_file",
          "none",
          "(Portcullis)",
          "JWK Set file of private signing keys (RSA or EC P-256, each with a kid); the first"
              + " signs, all are published. Created with one new RS256 key when missing."));

  private final KeySpec spec;

  OAuthKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
