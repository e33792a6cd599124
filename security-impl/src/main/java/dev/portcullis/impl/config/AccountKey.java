package dev.portcullis.impl.config;

/**
 * Keys of the account lifecycle: registration, confirmation, recovery, password and email change,
 * usernames, and their views. See {@link ConfigKey}.
 */
public enum AccountKey implements ConfigKey {
  REGISTERABLE(
      new KeySpec("security.registerable", "false", "SECURITY_REGISTERABLE", "Enables /register.")),
  CONFIRMABLE(
      new KeySpec(
          "security.confirmable",
          "false",
          "SECURITY_CONFIRMABLE",
          "Enables /confirm; users must confirm their email before signing in.")),
  RECOVERABLE(
      new KeySpec(
          "security.recoverable",
          "false",
          "SECURITY_RECOVERABLE",
          "Enables /reset (forgot password).")),
  CHANGEABLE(
      new KeySpec(
          "security.changeable",
          "false",
          "SECURITY_CHANGEABLE",
          "Enables /change (change password).")),
  CHANGE_EMAIL(
      new KeySpec(
          "security.change_email",
          "false",
          "SECURITY_CHANGE_EMAIL (5.5)",
          "Enables /change-email (confirmed by a link sent to the new address).")),
  SEND_REGISTER_EMAIL(
      new KeySpec(
          "security.send_register_email",
          "true",
          "SECURITY_SEND_REGISTER_EMAIL",
          "Send the welcome mail after registration.")),
  SEND_PASSWORD_CHANGE_EMAIL(
      new KeySpec(
          "security.send_password_change_email",
          "true",
          "SECURITY_SEND_PASSWORD_CHANGE_EMAIL",
          "Send a notice after a password change.")),
  SEND_PASSWORD_RESET_EMAIL(
      new KeySpec(
          "security.send_password_reset_email",
          "true",
          "SECURITY_SEND_PASSWORD_RESET_EMAIL",
          "Send reset instructions (the event fires either way).")),
  SEND_PASSWORD_RESET_NOTICE_EMAIL(
      new KeySpec(
          "security.send_password_reset_notice_email",
          "true",
          "SECURITY_SEND_PASSWORD_RESET_NOTICE_EMAIL",
          "Send a notice after a successful reset.")),
  LOGIN_WITHOUT_CONFIRMATION(
      new KeySpec(
          "security.login_without_confirmation",
          "false",
          "SECURITY_LOGIN_WITHOUT_CONFIRMATION",
          "Allow sign-in (and auto-login after registration) before confirmation.")),
  AUTO_LOGIN_AFTER_CONFIRM(
      new KeySpec(
          "security.auto_login_after_confirm",
          "false",
          "SECURITY_AUTO_LOGIN_AFTER_CONFIRM",
          "Sign the user in when the confirmation link is followed.")),
  AUTO_LOGIN_AFTER_RESET(
      new KeySpec(
          "security.auto_login_after_reset",
          "false",
          "SECURITY_AUTO_LOGIN_AFTER_RESET",
          "Sign the user in after a password reset.")),
  CONFIRM_EMAIL_WITHIN(
      new KeySpec(
          "security.confirm_email_within",
          "5 days",
          "SECURITY_CONFIRM_EMAIL_WITHIN",
          "Lifetime of confirmation links.")),
  RESET_PASSWORD_WITHIN(
      new KeySpec(
          "security.reset_password_within",
          "1 days",
          "SECURITY_RESET_PASSWORD_WITHIN",
          "Lifetime of password reset links.")),
  CHANGE_EMAIL_WITHIN(
      new KeySpec(
          "security.change_email_within",
          "2 hours",
          "SECURITY_CHANGE_EMAIL_WITHIN (5.5)",
          "Lifetime of change-email links.")),
  CHANGE_EMAIL_SALT(
      new KeySpec(
          "security.change_email_salt",
          "change-email-salt",
          "SECURITY_CHANGE_EMAIL_SALT (5.5)",
          "Salt of change-email tokens.")),
  USERNAME_REQUIRED(
      new KeySpec(
          "security.username_required",
          "false",
          "SECURITY_USERNAME_REQUIRED",
          "Registration needs a username.")),
  USERNAME_MIN_LENGTH(
      new KeySpec(
          "security.username_min_length",
          "4",
          "SECURITY_USERNAME_MIN_LENGTH",
          "Shortest username.")),
  USERNAME_MAX_LENGTH(
      new KeySpec(
          "security.username_max_length",
          "32",
          "SECURITY_USERNAME_MAX_LENGTH",
          "Longest username.")),
  USERNAME_NORMALIZE_FORM(
      new KeySpec(
          "security.username_normalize_form",
          "NFKD",
          "SECURITY_USERNAME_NORMALIZE_FORM",
          "Unicode normalization of usernames (or none).")),
  PASSWORD_CONFIRM_REQUIRED(
      new KeySpec(
          "security.password_confirm_required",
          "false",
          "SECURITY_PASSWORD_CONFIRM_REQUIRED (5.6)",
          "Registration through the JSON API also needs password_confirm (HTML forms always ask).")),
  EMAIL_CHECK_DELIVERABILITY(
      new KeySpec(
          "security.email_check_deliverability",
          "false",
          "SECURITY_EMAIL_VALIDATOR_ARGS check_deliverability",
          "Look up the email domain's MX/A records in DNS when validating addresses.")),
  EXTERNAL_BASE_URL(
      new KeySpec(
          "security.external_base_url",
          "none",
          "SERVER_NAME/PREFERRED_URL_SCHEME",
          "Absolute URL of the JSON API root used in mailed links, e.g."
              + " https://app.example.com/sample/api; none = the request's host, if trusted.")),
  TRUSTED_HOSTS(
      new KeySpec(
          "security.trusted_hosts",
          "none",
          "TRUSTED_HOSTS",
          "Hosts (host, host:port or .domain; comma-separated) whose requests may mail links built"
              + " on their own host when security.external_base_url is none; none = refuse them.")),
  URL_PREFIX(
      new KeySpec(
          "security.url_prefix",
          "/api",
          "SECURITY_URL_PREFIX",
          "Path of the JSON API inside the application (the JAX-RS @ApplicationPath); used for"
              + " links mailed from HTML pages.")),
  REDIRECT_BEHAVIOR(
      new KeySpec(
          "security.redirect_behavior",
          "none",
          "SECURITY_REDIRECT_BEHAVIOR",
          "spa sends mailed-link results to the *_VIEW URLs with query parameters.")),
  POST_REGISTER_VIEW(
      new KeySpec(
          "security.post_register_view",
          "none",
          "SECURITY_POST_REGISTER_VIEW",
          "Where browsers go after registering; none = the application root.")),
  POST_CONFIRM_VIEW(
      new KeySpec(
          "security.post_confirm_view",
          "none",
          "SECURITY_POST_CONFIRM_VIEW",
          "Where a confirmation link leads (SPA: with ?success=...&email=...&identity=...).")),
  CONFIRM_ERROR_VIEW(
      new KeySpec(
          "security.confirm_error_view",
          "none",
          "SECURITY_CONFIRM_ERROR_VIEW",
          "Where a bad or expired confirmation link leads (SPA: with ?error=... or ?info=...).")),
  POST_RESET_VIEW(
      new KeySpec(
          "security.post_reset_view",
          "none",
          "SECURITY_POST_RESET_VIEW",
          "Where browsers go after a reset; none = the login page.")),
  RESET_VIEW(
      new KeySpec(
          "security.reset_view",
          "none",
          "SECURITY_RESET_VIEW",
          "SPA: where a valid reset link leads, with ?token=...")),
  RESET_ERROR_VIEW(
      new KeySpec(
          "security.reset_error_view",
          "none",
          "SECURITY_RESET_ERROR_VIEW",
          "SPA: where a bad or expired reset link leads, with ?error=...")),
  POST_CHANGE_VIEW(
      new KeySpec(
          "security.post_change_view",
          "none",
          "SECURITY_POST_CHANGE_VIEW",
          "Where browsers go after a password change; none = security.post_login_view.")),
  POST_CHANGE_EMAIL_VIEW(
      new KeySpec(
          "security.post_change_email_view",
          "none",
          "SECURITY_POST_CHANGE_EMAIL_VIEW (5.5)",
          "Where a change-email link leads; none = security.post_login_view.")),
  CHANGE_EMAIL_ERROR_VIEW(
      new KeySpec(
          "security.change_email_error_view",
          "none",
          "SECURITY_CHANGE_EMAIL_ERROR_VIEW (5.5)",
          "Where a bad change-email link leads; none = the change-email page.")),
  REQUIRES_CONFIRMATION_ERROR_VIEW(
      new KeySpec(
          "security.requires_confirmation_error_view",
          "none",
          "SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW",
          "HTML: where unconfirmed users are sent from login and forgot-password.")),
  REGISTER_USER_TEMPLATE(
      new KeySpec(
          "security.register_user_template",
          "/security/register_user.xhtml",
          "SECURITY_REGISTER_USER_TEMPLATE",
          "Faces view of the registration page.")),
  SEND_CONFIRMATION_TEMPLATE(
      new KeySpec(
          "security.send_confirmation_template",
          "/security/send_confirmation.xhtml",
          "SECURITY_SEND_CONFIRMATION_TEMPLATE",
          "Faces view of the resend-confirmation page.")),
  FORGOT_PASSWORD_TEMPLATE(
      new KeySpec(
          "security.forgot_password_template",
          "/security/forgot_password.xhtml",
          "SECURITY_FORGOT_PASSWORD_TEMPLATE",
          "Faces view of the forgot-password page.")),
  RESET_PASSWORD_TEMPLATE(
      new KeySpec(
          "security.reset_password_template",
          "/security/reset_password.xhtml",
          "SECURITY_RESET_PASSWORD_TEMPLATE",
          "Faces view of the reset-password page (gets ?token=...).")),
  CHANGE_PASSWORD_TEMPLATE(
      new KeySpec(
          "security.change_password_template",
          "/security/change_password.xhtml",
          "SECURITY_CHANGE_PASSWORD_TEMPLATE",
          "Faces view of the change-password page.")),
  CHANGE_EMAIL_TEMPLATE(
      new KeySpec(
          "security.change_email_template",
          "/security/change_email.xhtml",
          "SECURITY_CHANGE_EMAIL_TEMPLATE (5.5)",
          "Faces view of the change-email page.")),
  APP_NAME(
      new KeySpec(
          "security.app_name",
          "none",
          "(Portcullis)",
          "The application's name in the titles of Portcullis' pages (\"Sign in – Example\");"
              + " none = the WAR's display-name (web.xml), or no name when it has none."));

  private final KeySpec spec;

  AccountKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
