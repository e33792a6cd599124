package dev.portcullis.impl.config;

/**
 * Keys of WebAuthn and passkeys (spec §2.15, {@code flask_security/webauthn.py}). See {@link
 * ConfigKey}.
 */
public enum WebAuthnKey implements ConfigKey {
  WEBAUTHN(
      new KeySpec(
          "security.webauthn",
          "false",
          "SECURITY_WEBAUTHN",
          "WebAuthn security keys and passkeys: /wan-register, /wan-signin, /wan-verify,"
              + " /wan-delete, and webauthn as a second factor (/tf-select).")),
  WAN_RP_ID(
      new KeySpec(
          "security.wan_rp_id",
          "none",
          "(request host in Flask)",
          "Relying-party id (a registrable domain such as example.com); none = the host of"
              + " security.external_base_url, else the request's host when security.trusted_hosts"
              + " lists it (never an unvetted Host header).")),
  WAN_ORIGINS(
      new KeySpec(
          "security.wan_origins",
          "none",
          "(request origin in Flask)",
          "Origins a WebAuthn response may come from (comma-separated, e.g."
              + " https://app.example.com); none = the origin of security.external_base_url, else"
              + " the vetted request's origin, else https://<wan_rp_id>.")),
  WAN_RP_NAME(
      new KeySpec(
          "security.wan_rp_name",
          "My Flask App",
          "SECURITY_WAN_RP_NAME",
          "Relying-party display name shown by authenticators.")),
  WAN_CHALLENGE_BYTES(
      new KeySpec(
          "security.wan_challenge_bytes",
          "none",
          "SECURITY_WAN_CHALLENGE_BYTES",
          "Random bytes in a challenge (16 to 64); none = 32.")),
  WAN_REGISTER_TIMEOUT(
      new KeySpec(
          "security.wan_register_timeout",
          "60000",
          "SECURITY_WAN_REGISTER_TIMEOUT",
          "Browser timeout (ms) in the creation options.")),
  WAN_SIGNIN_TIMEOUT(
      new KeySpec(
          "security.wan_signin_timeout",
          "60000",
          "SECURITY_WAN_SIGNIN_TIMEOUT",
          "Browser timeout (ms) in the request options.")),
  WAN_REGISTER_WITHIN(
      new KeySpec(
          "security.wan_register_within",
          "30 minutes",
          "SECURITY_WAN_REGISTER_WITHIN",
          "Lifetime of the signed /wan-register/<state> token.")),
  WAN_SIGNIN_WITHIN(
      new KeySpec(
          "security.wan_signin_within",
          "1 minutes",
          "SECURITY_WAN_SIGNIN_WITHIN",
          "Lifetime of the signed /wan-signin/<state> and /wan-verify/<state> tokens.")),
  WAN_ALLOW_AS_FIRST_FACTOR(
      new KeySpec(
          "security.wan_allow_as_first_factor",
          "true",
          "SECURITY_WAN_ALLOW_AS_FIRST_FACTOR",
          "Keys may be registered with usage first and sign in by themselves (passkeys).")),
  WAN_ALLOW_AS_MULTI_FACTOR(
      new KeySpec(
          "security.wan_allow_as_multi_factor",
          "true",
          "SECURITY_WAN_ALLOW_AS_MULTI_FACTOR",
          "A first-factor key that verified the user (UV) also satisfies the second factor.")),
  WAN_ALLOW_USER_HINTS(
      new KeySpec(
          "security.wan_allow_user_hints",
          "true",
          "SECURITY_WAN_ALLOW_USER_HINTS",
          "/wan-signin accepts an identity and answers that user's keys (enables user"
              + " enumeration); false = discoverable credentials only (resident key required).")),
  WAN_FIRST_FACTOR_ATTACHMENT(
      new KeySpec(
          "security.wan_first_factor_attachment",
          "any",
          "(cross-platform in Flask)",
          "authenticatorAttachment asked when registering a key of usage first: any = no hint"
              + " (device passkeys and security keys), platform = the device's own authenticator"
              + " only, cross-platform = roaming security keys only (Flask-Security's behaviour).")),
  WAN_ALLOW_AS_VERIFY(
      new KeySpec(
          "security.wan_allow_as_verify",
          "first,secondary",
          "SECURITY_WAN_ALLOW_AS_VERIFY",
          "Key usages accepted by /wan-verify (re-authentication); none = no /wan-verify.")),
  WAN_POST_REGISTER_VIEW(
      new KeySpec(
          "security.wan_post_register_view",
          "/security/wan_register.xhtml",
          "SECURITY_WAN_POST_REGISTER_VIEW",
          "Where browsers go after a key was registered.")),
  WAN_REGISTER_TEMPLATE(
      new KeySpec(
          "security.wan_register_template",
          "/security/wan_register.xhtml",
          "SECURITY_WAN_REGISTER_TEMPLATE",
          "Faces view listing, adding and removing security keys.")),
  WAN_SIGNIN_TEMPLATE(
      new KeySpec(
          "security.wan_signin_template",
          "/security/wan_signin.xhtml",
          "SECURITY_WAN_SIGNIN_TEMPLATE",
          "Faces view of signing in with a security key.")),
  WAN_VERIFY_TEMPLATE(
      new KeySpec(
          "security.wan_verify_template",
          "/security/wan_verify.xhtml",
          "SECURITY_WAN_VERIFY_TEMPLATE",
          "Faces view of re-authentication with a security key."));

  private final KeySpec spec;

  WebAuthnKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
