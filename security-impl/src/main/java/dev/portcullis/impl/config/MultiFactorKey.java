package dev.portcullis.impl.config;

/**
 * Keys of multi-factor sign-in (spec §2.9–§2.12): two-factor, its TOTP secrets and SMS sender,
 * recovery codes and unified sign-in. See {@link ConfigKey}.
 */
public enum MultiFactorKey implements ConfigKey {
  TWO_FACTOR(
      new KeySpec(
          "security.two_factor",
          "false",
          "SECURITY_TWO_FACTOR",
          "Two-factor sign-in: /tf-setup, /tf-validate, /tf-rescue, /tf-select and their pages."
              + " Needs security.totp_secrets.")),
  TWO_FACTOR_REQUIRED(
      new KeySpec(
          "security.two_factor_required",
          "false",
          "SECURITY_TWO_FACTOR_REQUIRED",
          "Every user must set up and pass a second factor; users without one set it up while"
              + " signing in.")),
  TWO_FACTOR_ENABLED_METHODS(
      new KeySpec(
          "security.two_factor_enabled_methods",
          "email,authenticator",
          "SECURITY_TWO_FACTOR_ENABLED_METHODS",
          "Second factors users may choose: email, authenticator, sms (Flask's default also lists"
              + " sms; here sms needs security.sms_service).")),
  TWO_FACTOR_AUTHENTICATOR_VALIDITY(
      new KeySpec(
          "security.two_factor_authenticator_validity",
          "120 seconds",
          "SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY",
          "How far before and after now an authenticator app's code is accepted.")),
  TWO_FACTOR_MAIL_VALIDITY(
      new KeySpec(
          "security.two_factor_mail_validity",
          "300 seconds",
          "SECURITY_TWO_FACTOR_MAIL_VALIDITY",
          "How long a mailed code is accepted (also rescue codes of email users).")),
  TWO_FACTOR_SMS_VALIDITY(
      new KeySpec(
          "security.two_factor_sms_validity",
          "120 seconds",
          "SECURITY_TWO_FACTOR_SMS_VALIDITY",
          "How long a code sent by SMS is accepted.")),
  TWO_FACTOR_ALWAYS_VALIDATE(
      new KeySpec(
          "security.two_factor_always_validate",
          "true",
          "SECURITY_TWO_FACTOR_ALWAYS_VALIDATE",
          "false lets a user who ticked remember-me skip the second factor on that browser for"
              + " security.two_factor_login_validity (the tf_validity cookie).")),
  TWO_FACTOR_LOGIN_VALIDITY(
      new KeySpec(
          "security.two_factor_login_validity",
          "30 days",
          "SECURITY_TWO_FACTOR_LOGIN_VALIDITY",
          "Lifetime of the tf_validity cookie.")),
  TWO_FACTOR_VALIDITY_SALT(
      new KeySpec(
          "security.two_factor_validity_salt",
          "tf-validity-salt",
          "SECURITY_TWO_FACTOR_VALIDITY_SALT",
          "Salt of the tf_validity cookie's token.")),
  TWO_FACTOR_VALIDITY_COOKIE_SAMESITE(
      new KeySpec(
          "security.two_factor_validity_cookie_samesite",
          "Strict",
          "SECURITY_TWO_FACTOR_VALIDITY_COOKIE",
          "SameSite of the tf_validity cookie: Strict, Lax or None (None needs Secure true).")),
  TWO_FACTOR_VALIDITY_COOKIE_SECURE(
      new KeySpec(
          "security.two_factor_validity_cookie_secure",
          "auto",
          "SECURITY_TWO_FACTOR_VALIDITY_COOKIE",
          "Secure flag of the tf_validity cookie: true, false, or auto = when the request is"
              + " HTTPS.")),
  TWO_FACTOR_VALIDITY_COOKIE_HTTPONLY(
      new KeySpec(
          "security.two_factor_validity_cookie_httponly",
          "true",
          "SECURITY_TWO_FACTOR_VALIDITY_COOKIE",
          "HttpOnly flag of the tf_validity cookie.")),
  TWO_FACTOR_RESCUE_EMAIL(
      new KeySpec(
          "security.two_factor_rescue_email",
          "true",
          "SECURITY_TWO_FACTOR_RESCUE_EMAIL",
          "Offer \"mail me a code\" to users who cannot pass their second factor.")),
  TWO_FACTOR_RESCUE_MAIL(
      new KeySpec(
          "security.two_factor_rescue_mail",
          "no-reply@localhost",
          "SECURITY_TWO_FACTOR_RESCUE_MAIL",
          "The help desk's address: /tf-rescue with help_setup=help mails it about the user.")),
  TWO_FACTOR_POST_SETUP_VIEW(
      new KeySpec(
          "security.two_factor_post_setup_view",
          "/security/two_factor_setup.xhtml",
          "SECURITY_TWO_FACTOR_POST_SETUP_VIEW",
          "Where browsers go after changing or disabling their second factor.")),
  TWO_FACTOR_ERROR_VIEW(
      new KeySpec(
          "security.two_factor_error_view",
          "none",
          "SECURITY_TWO_FACTOR_ERROR_VIEW",
          "Where browsers go when a two-factor page is opened out of turn; none = the login"
              + " page.")),
  TWO_FACTOR_SETUP_TEMPLATE(
      new KeySpec(
          "security.two_factor_setup_template",
          "/security/two_factor_setup.xhtml",
          "SECURITY_TWO_FACTOR_SETUP_TEMPLATE",
          "Faces view for choosing, changing or disabling the second factor.")),
  TWO_FACTOR_VERIFY_CODE_TEMPLATE(
      new KeySpec(
          "security.two_factor_verify_code_template",
          "/security/two_factor_verify_code.xhtml",
          "SECURITY_TWO_FACTOR_VERIFY_CODE_TEMPLATE",
          "Faces view for entering a code and the rescue options.")),
  TWO_FACTOR_SELECT_TEMPLATE(
      new KeySpec(
          "security.two_factor_select_template",
          "/security/two_factor_select.xhtml",
          "SECURITY_TWO_FACTOR_SELECT_TEMPLATE",
          "Faces view for choosing among several set-up second factors.")),
  TWO_FACTOR_CODE_SEND_LIMIT(
      new KeySpec(
          "security.two_factor_code_send_limit",
          "5",
          "(Portcullis)",
          "Codes mailed or texted to one user per security.two_factor_code_send_period; more"
              + " answer 429.")),
  TWO_FACTOR_CODE_SEND_PERIOD(
      new KeySpec(
          "security.two_factor_code_send_period",
          "15 minutes",
          "(Portcullis)",
          "The period of security.two_factor_code_send_limit.")),
  TOTP_SECRETS(
      new KeySpec(
          "security.totp_secrets",
          "none",
          "SECURITY_TOTP_SECRETS",
          "Keys that encrypt the stored TOTP secrets, as tag=secret pairs separated by commas"
              + " (Flask's {tag: secret}); new secrets use the newest tag. Required with two-factor.")),
  TOTP_ISSUER(
      new KeySpec(
          "security.totp_issuer",
          "service_name",
          "SECURITY_TOTP_ISSUER",
          "The service name authenticator apps show (in the otpauth URI and QR code).")),
  PHONE_REGION_DEFAULT(
      new KeySpec(
          "security.phone_region_default",
          "US",
          "SECURITY_PHONE_REGION_DEFAULT",
          "Region (ISO 3166) of phone numbers typed without a country code.")),
  SMS_SERVICE(
      new KeySpec(
          "security.sms_service",
          "none",
          "SECURITY_SMS_SERVICE",
          "How SMS codes are sent: none, http (a provider's REST API, Twilio-shaped) or console"
              + " (printed to the log, codes included: development only).")),
  SMS_HTTP_URL(
      new KeySpec(
          "security.sms_http_url",
          "none",
          "(Portcullis)",
          "The provider's messages endpoint for security.sms_service=http, e.g."
              + " https://api.twilio.com/2010-04-01/Accounts/<sid>/Messages.json.")),
  SMS_ACCOUNT_SID(
      new KeySpec(
          "security.sms_account_sid",
          "none",
          "SECURITY_SMS_SERVICE_CONFIG[ACCOUNT_SID]",
          "The provider account (HTTP Basic user name).")),
  SMS_AUTH_TOKEN(
      new KeySpec(
          "security.sms_auth_token",
          "none",
          "SECURITY_SMS_SERVICE_CONFIG[AUTH_TOKEN]",
          "The provider secret (HTTP Basic password; never logged).")),
  SMS_PHONE_NUMBER(
      new KeySpec(
          "security.sms_phone_number",
          "none",
          "SECURITY_SMS_SERVICE_CONFIG[PHONE_NUMBER]",
          "The sender number (From).")),
  SMS_HTTP_TIMEOUT(
      new KeySpec(
          "security.sms_http_timeout",
          "10 seconds",
          "(Portcullis)",
          "Connect and answer timeout of one request to the SMS provider.")),
  MULTI_FACTOR_RECOVERY_CODES(
      new KeySpec(
          "security.multi_factor_recovery_codes",
          "false",
          "SECURITY_MULTI_FACTOR_RECOVERY_CODES",
          "Recovery codes: /mf-recovery-codes and /mf-recovery (with security.two_factor).")),
  MULTI_FACTOR_RECOVERY_CODES_N(
      new KeySpec(
          "security.multi_factor_recovery_codes_n",
          "5",
          "SECURITY_MULTI_FACTOR_RECOVERY_CODES_N",
          "Codes per generated set.")),
  MULTI_FACTOR_RECOVERY_CODES_KEYS(
      new KeySpec(
          "security.multi_factor_recovery_codes_keys",
          "none",
          "SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS",
          "Fernet keys, comma-separated, the first encrypts: stored codes are encrypted; none ="
              + " stored as they are.")),
  MULTI_FACTOR_RECOVERY_CODE_TTL(
      new KeySpec(
          "security.multi_factor_recovery_code_ttl",
          "none",
          "SECURITY_MULTI_FACTOR_RECOVERY_CODE_TTL",
          "Maximum age of an encrypted code; older ones stop working. none = no limit.")),
  MULTI_FACTOR_RECOVERY_CODES_TEMPLATE(
      new KeySpec(
          "security.multi_factor_recovery_codes_template",
          "/security/mf_recovery_codes.xhtml",
          "SECURITY_MULTI_FACTOR_RECOVERY_CODES_TEMPLATE",
          "Faces view for generating and showing recovery codes.")),
  MULTI_FACTOR_RECOVERY_TEMPLATE(
      new KeySpec(
          "security.multi_factor_recovery_template",
          "/security/mf_recovery.xhtml",
          "SECURITY_MULTI_FACTOR_RECOVERY_TEMPLATE",
          "Faces view for signing in with a recovery code.")),
  UNIFIED_SIGNIN(
      new KeySpec(
          "security.unified_signin",
          "false",
          "SECURITY_UNIFIED_SIGNIN",
          "Unified sign-in: /us-signin, /us-signin/send-code, /us-setup, /us-verify,"
              + " /us-verify-link and their pages. Needs security.totp_secrets.")),
  US_ENABLED_METHODS(
      new KeySpec(
          "security.us_enabled_methods",
          "password,email,authenticator",
          "SECURITY_US_ENABLED_METHODS",
          "Passcodes /us-signin accepts, tried in this order: password, email, authenticator, sms"
              + " (Flask's default also lists sms; here sms needs security.sms_service).")),
  US_MFA_REQUIRED(
      new KeySpec(
          "security.us_mfa_required",
          "password,email",
          "SECURITY_US_MFA_REQUIRED",
          "Unified sign-in methods after which a set-up second factor is still asked; none ="
              + " no method.")),
  US_TOKEN_VALIDITY(
      new KeySpec(
          "security.us_token_validity",
          "120 seconds",
          "SECURITY_US_TOKEN_VALIDITY",
          "How far before and after now a unified sign-in code (typed or in a magic link) is"
              + " accepted; each code once.")),
  US_SETUP_WITHIN(
      new KeySpec(
          "security.us_setup_within",
          "30 minutes",
          "SECURITY_US_SETUP_WITHIN",
          "Lifetime of the signed /us-setup/<state> token: the first code must come before.")),
  US_SIGNIN_REPLACES_LOGIN(
      new KeySpec(
          "security.us_signin_replaces_login",
          "false",
          "SECURITY_US_SIGNIN_REPLACES_LOGIN",
          "Browsers asking for the login page get the unified sign-in page instead.")),
  PASSWORD_REQUIRED(
      new KeySpec(
          "security.password_required",
          "true",
          "SECURITY_PASSWORD_REQUIRED",
          "false lets users register without a password (with unified sign-in they sign in by a"
              + " code); a user can never remove the last way to sign in.")),
  US_POST_SETUP_VIEW(
      new KeySpec(
          "security.us_post_setup_view",
          "/security/us_setup.xhtml",
          "SECURITY_US_POST_SETUP_VIEW",
          "Where browsers go after a unified sign-in method was set up.")),
  US_SIGNIN_TEMPLATE(
      new KeySpec(
          "security.us_signin_template",
          "/security/us_signin.xhtml",
          "SECURITY_US_SIGNIN_TEMPLATE",
          "Faces view of unified sign-in.")),
  US_SETUP_TEMPLATE(
      new KeySpec(
          "security.us_setup_template",
          "/security/us_setup.xhtml",
          "SECURITY_US_SETUP_TEMPLATE",
          "Faces view for adding and removing unified sign-in methods.")),
  US_VERIFY_TEMPLATE(
      new KeySpec(
          "security.us_verify_template",
          "/security/us_verify.xhtml",
          "SECURITY_US_VERIFY_TEMPLATE",
          "Faces view of re-authentication with a password or a code."));

  private final KeySpec spec;

  MultiFactorKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
