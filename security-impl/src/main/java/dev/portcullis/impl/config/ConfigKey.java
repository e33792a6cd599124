package dev.portcullis.impl.config;

/**
 * Every configuration key Portcullis reads, with its default: the twin of Flask-Security's {@code
 * _default_config}. MicroProfile Config property {@code security.foo_bar} is Flask's {@code
 * SECURITY_FOO_BAR}, so the same environment variable names work.
 *
 * <p>The README's configuration reference lists these keys; {@code ConfigKeyDocumentationTest}
 * keeps the two in step.
 */
public enum ConfigKey {
  SECRET_KEY(
      "security.secret_key",
      null,
      "SECRET_KEY",
      "HMAC key for every signed token and cookie. Required, at least 32 characters."),
  PASSWORD_SALT(
      "security.password_salt",
      null,
      "SECURITY_PASSWORD_SALT",
      "HMAC key of the password pre-hash. Required unless the hash scheme is single-hash."),
  PASSWORD_HASH(
      "security.password_hash",
      "bcrypt",
      "SECURITY_PASSWORD_HASH",
      "Scheme for new hashes: bcrypt, argon2, pbkdf2_sha512, sha512_crypt or plaintext (tests only)."),
  PASSWORD_SCHEMES(
      "security.password_schemes",
      "bcrypt,argon2,des_crypt,pbkdf2_sha256,pbkdf2_sha512,sha256_crypt,sha512_crypt,plaintext",
      "SECURITY_PASSWORD_SCHEMES",
      "Schemes accepted when verifying stored hashes."),
  DEPRECATED_PASSWORD_SCHEMES(
      "security.deprecated_password_schemes",
      "auto",
      "SECURITY_DEPRECATED_PASSWORD_SCHEMES",
      "Schemes re-hashed at the next successful login; auto = all but security.password_hash."),
  PASSWORD_SINGLE_HASH(
      "security.password_single_hash",
      "plaintext",
      "SECURITY_PASSWORD_SINGLE_HASH",
      "Schemes hashed without the HMAC pre-hash (true = all, false = plaintext only)."),
  PASSWORD_HASH_PASSLIB_OPTIONS(
      "security.password_hash_passlib_options",
      "argon2__rounds=10",
      "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS",
      "Scheme parameters as scheme__option=value pairs, e.g. bcrypt__rounds=13."),
  PASSWORD_NORMALIZE_FORM(
      "security.password_normalize_form",
      "NFKD",
      "SECURITY_PASSWORD_NORMALIZE_FORM",
      "Unicode normalization of passwords (NFC, NFD, NFKC, NFKD or none)."),
  PASSWORD_LENGTH_MIN(
      "security.password_length_min",
      "8",
      "SECURITY_PASSWORD_LENGTH_MIN",
      "Minimum password length in code points (the maximum is 128)."),
  TOKEN_AUTHENTICATION_KEY(
      "security.token_authentication_key",
      "auth_token",
      "SECURITY_TOKEN_AUTHENTICATION_KEY",
      "Query parameter carrying an auth token."),
  TOKEN_AUTHENTICATION_HEADER(
      "security.token_authentication_header",
      "Authentication-Token",
      "SECURITY_TOKEN_AUTHENTICATION_HEADER",
      "Header carrying an auth token."),
  TOKEN_MAX_AGE(
      "security.token_max_age",
      "none",
      "SECURITY_TOKEN_MAX_AGE",
      "Maximum age of auth tokens: seconds, '<n> <unit>' or ISO-8601; none = unlimited."),
  TOKEN_EXPIRE_WITHIN(
      "security.token_expire_within",
      "none",
      "SECURITY_TOKEN_EXPIRE_TIMESTAMP",
      "Per-token expiry written into each new token (its exp claim); none = no expiry."),
  REMEMBER_SALT(
      "security.remember_salt", "remember-salt", "SECURITY_REMEMBER_SALT", "Salt of auth tokens."),
  CONFIRM_SALT(
      "security.confirm_salt",
      "confirm-salt",
      "SECURITY_CONFIRM_SALT",
      "Salt of email confirmation tokens."),
  RESET_SALT(
      "security.reset_salt", "reset-salt", "SECURITY_RESET_SALT", "Salt of password reset tokens."),
  LOGIN_SALT(
      "security.login_salt", "login-salt", "SECURITY_LOGIN_SALT", "Salt of login-link tokens."),
  API_ENABLED_METHODS(
      "security.api_enabled_methods",
      "session,token",
      "SECURITY_API_ENABLED_METHODS",
      "Mechanisms accepted where @AuthRequired names none."),
  DEFAULT_HTTP_AUTH_REALM(
      "security.default_http_auth_realm",
      "Login Required",
      "SECURITY_DEFAULT_HTTP_AUTH_REALM",
      "Realm of WWW-Authenticate: Basic."),
  DEFAULT_REMEMBER_ME(
      "security.default_remember_me",
      "false",
      "SECURITY_DEFAULT_REMEMBER_ME",
      "Remember-me when the login request does not say."),
  BACKWARDS_COMPAT_AUTH_TOKEN(
      "security.backwards_compat_auth_token",
      "false",
      "SECURITY_BACKWARDS_COMPAT_AUTH_TOKEN",
      "Return the auth token even without ?include_auth_token."),
  USER_IDENTITY_ATTRIBUTES(
      "security.user_identity_attributes",
      "email",
      "SECURITY_USER_IDENTITY_ATTRIBUTES",
      "Ordered attributes that identify a user (email, username, us_phone_number); lookups are"
          + " case-insensitive."),
  USERNAME_ENABLE(
      "security.username_enable",
      "false",
      "SECURITY_USERNAME_ENABLE",
      "Adds username to the login form and to the identity attributes."),
  RETURN_GENERIC_RESPONSES(
      "security.return_generic_responses",
      "false",
      "SECURITY_RETURN_GENERIC_RESPONSES",
      "Answers that do not reveal whether an account exists."),
  FLASH_MESSAGES(
      "security.flash_messages",
      "true",
      "SECURITY_FLASH_MESSAGES",
      "Show messages on the next HTML page after a redirect."),
  TRACKABLE(
      "security.trackable",
      "false",
      "SECURITY_TRACKABLE",
      "Record login times, addresses and counts."),
  PROXY_X_FOR(
      "security.proxy_x_for",
      "0",
      "ProxyFix(x_for=N)",
      "Trusted proxies in front of the server: the client address is taken from the Nth-last"
          + " X-Forwarded-For entry; 0 ignores the header."),
  LOGOUT_METHODS(
      "security.logout_methods",
      "GET,POST",
      "SECURITY_LOGOUT_METHODS",
      "HTTP methods accepted by logout."),
  LOGIN_USER_TEMPLATE(
      "security.login_user_template",
      "/security/login_user.xhtml",
      "SECURITY_LOGIN_USER_TEMPLATE",
      "Faces view of the login page (browsers are sent here)."),
  VERIFY_TEMPLATE(
      "security.verify_template",
      "/security/verify.xhtml",
      "SECURITY_VERIFY_TEMPLATE",
      "Faces view of the re-authentication page."),
  POST_LOGIN_VIEW(
      "security.post_login_view",
      "/",
      "SECURITY_POST_LOGIN_VIEW",
      "Where browsers go after login (relative to the application)."),
  POST_LOGOUT_VIEW(
      "security.post_logout_view",
      "/",
      "SECURITY_POST_LOGOUT_VIEW",
      "Where browsers go after logout."),
  POST_VERIFY_VIEW(
      "security.post_verify_view",
      "none",
      "SECURITY_POST_VERIFY_VIEW",
      "Where browsers go after re-authentication; none = security.post_login_view."),
  UNAUTHORIZED_VIEW(
      "security.unauthorized_view",
      "none",
      "SECURITY_UNAUTHORIZED_VIEW",
      "Where browsers lacking a role or permission go; none = plain 403."),
  REDIRECT_ALLOW_SUBDOMAINS(
      "security.redirect_allow_subdomains",
      "false",
      "SECURITY_REDIRECT_ALLOW_SUBDOMAINS",
      "Allow next= targets on subdomains of security.redirect_base_domain."),
  REDIRECT_BASE_DOMAIN(
      "security.redirect_base_domain",
      "none",
      "SECURITY_REDIRECT_BASE_DOMAIN (5.5)",
      "Base domain for security.redirect_allow_subdomains."),
  REDIRECT_ALLOWED_SUBDOMAINS(
      "security.redirect_allowed_subdomains",
      "",
      "SECURITY_REDIRECT_ALLOWED_SUBDOMAINS (5.5)",
      "If set, only these subdomains of the base domain are allowed."),
  FRESHNESS(
      "security.freshness",
      "24 hours",
      "SECURITY_FRESHNESS",
      "Maximum age of the last primary authentication for sensitive operations; negative"
          + " disables."),
  FRESHNESS_GRACE_PERIOD(
      "security.freshness_grace_period",
      "1 hours",
      "SECURITY_FRESHNESS_GRACE_PERIOD",
      "After a successful freshness check, further checks pass for this long."),
  CSRF_ENABLED(
      "wtf.csrf_enabled", "true", "WTF_CSRF_ENABLED", "CSRF protection on or off (tests only)."),
  CSRF_TIME_LIMIT(
      "wtf.csrf_time_limit",
      "3600 seconds",
      "WTF_CSRF_TIME_LIMIT",
      "Lifetime of a CSRF token handed to a client."),
  CSRF_PROTECT_MECHANISMS(
      "security.csrf_protect_mechanisms",
      "session,basic",
      "SECURITY_CSRF_PROTECT_MECHANISMS",
      "Mechanisms whose unsafe requests need a CSRF token. Token-authenticated requests are"
          + " exempt by default."),
  CSRF_IGNORE_UNAUTH_ENDPOINTS(
      "security.csrf_ignore_unauth_endpoints",
      "false",
      "SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS",
      "Skip CSRF on login and other endpoints for anonymous callers."),
  CSRF_COOKIE_NAME(
      "security.csrf_cookie_name",
      "none",
      "SECURITY_CSRF_COOKIE_NAME",
      "If set (e.g. XSRF-TOKEN), a readable cookie carrying the CSRF token is sent to SPAs."),
  CSRF_COOKIE_SAMESITE(
      "security.csrf_cookie_samesite",
      "Strict",
      "SECURITY_CSRF_COOKIE",
      "SameSite of that cookie."),
  CSRF_COOKIE_SECURE(
      "security.csrf_cookie_secure",
      "false",
      "SECURITY_CSRF_COOKIE",
      "Secure flag of that cookie."),
  CSRF_HEADER(
      "security.csrf_header",
      "X-XSRF-Token",
      "SECURITY_CSRF_HEADER",
      "Header accepted as CSRF token carrier, besides X-CSRF-Token and X-CSRFToken."),
  CSRF_COOKIE_REFRESH_EACH_REQUEST(
      "security.csrf_cookie_refresh_each_request",
      "false",
      "SECURITY_CSRF_COOKIE_REFRESH_EACH_REQUEST",
      "Re-send the CSRF cookie on every response."),
  REMEMBER_COOKIE_NAME(
      "remember.cookie_name",
      "remember_token",
      "REMEMBER_COOKIE_NAME",
      "Name of the remember-me cookie."),
  REMEMBER_COOKIE_DURATION(
      "remember.cookie_duration",
      "365 days",
      "REMEMBER_COOKIE_DURATION",
      "Lifetime of the remember-me cookie."),
  REMEMBER_COOKIE_SECURE(
      "remember.cookie_secure",
      "false",
      "REMEMBER_COOKIE_SECURE",
      "Secure flag of the remember-me cookie (set true behind HTTPS)."),
  REGISTERABLE("security.registerable", "false", "SECURITY_REGISTERABLE", "Enables /register."),
  CONFIRMABLE(
      "security.confirmable",
      "false",
      "SECURITY_CONFIRMABLE",
      "Enables /confirm; users must confirm their email before signing in."),
  RECOVERABLE(
      "security.recoverable", "false", "SECURITY_RECOVERABLE", "Enables /reset (forgot password)."),
  CHANGEABLE(
      "security.changeable", "false", "SECURITY_CHANGEABLE", "Enables /change (change password)."),
  CHANGE_EMAIL(
      "security.change_email",
      "false",
      "SECURITY_CHANGE_EMAIL (5.5)",
      "Enables /change-email (confirmed by a link sent to the new address)."),
  SEND_REGISTER_EMAIL(
      "security.send_register_email",
      "true",
      "SECURITY_SEND_REGISTER_EMAIL",
      "Send the welcome mail after registration."),
  SEND_PASSWORD_CHANGE_EMAIL(
      "security.send_password_change_email",
      "true",
      "SECURITY_SEND_PASSWORD_CHANGE_EMAIL",
      "Send a notice after a password change."),
  SEND_PASSWORD_RESET_EMAIL(
      "security.send_password_reset_email",
      "true",
      "SECURITY_SEND_PASSWORD_RESET_EMAIL",
      "Send reset instructions (the event fires either way)."),
  SEND_PASSWORD_RESET_NOTICE_EMAIL(
      "security.send_password_reset_notice_email",
      "true",
      "SECURITY_SEND_PASSWORD_RESET_NOTICE_EMAIL",
      "Send a notice after a successful reset."),
  LOGIN_WITHOUT_CONFIRMATION(
      "security.login_without_confirmation",
      "false",
      "SECURITY_LOGIN_WITHOUT_CONFIRMATION",
      "Allow sign-in (and auto-login after registration) before confirmation."),
  AUTO_LOGIN_AFTER_CONFIRM(
      "security.auto_login_after_confirm",
      "false",
      "SECURITY_AUTO_LOGIN_AFTER_CONFIRM",
      "Sign the user in when the confirmation link is followed."),
  AUTO_LOGIN_AFTER_RESET(
      "security.auto_login_after_reset",
      "false",
      "SECURITY_AUTO_LOGIN_AFTER_RESET",
      "Sign the user in after a password reset."),
  CONFIRM_EMAIL_WITHIN(
      "security.confirm_email_within",
      "5 days",
      "SECURITY_CONFIRM_EMAIL_WITHIN",
      "Lifetime of confirmation links."),
  RESET_PASSWORD_WITHIN(
      "security.reset_password_within",
      "1 days",
      "SECURITY_RESET_PASSWORD_WITHIN",
      "Lifetime of password reset links."),
  CHANGE_EMAIL_WITHIN(
      "security.change_email_within",
      "2 hours",
      "SECURITY_CHANGE_EMAIL_WITHIN (5.5)",
      "Lifetime of change-email links."),
  CHANGE_EMAIL_SALT(
      "security.change_email_salt",
      "change-email-salt",
      "SECURITY_CHANGE_EMAIL_SALT (5.5)",
      "Salt of change-email tokens."),
  USERNAME_REQUIRED(
      "security.username_required",
      "false",
      "SECURITY_USERNAME_REQUIRED",
      "Registration needs a username."),
  USERNAME_MIN_LENGTH(
      "security.username_min_length", "4", "SECURITY_USERNAME_MIN_LENGTH", "Shortest username."),
  USERNAME_MAX_LENGTH(
      "security.username_max_length", "32", "SECURITY_USERNAME_MAX_LENGTH", "Longest username."),
  USERNAME_NORMALIZE_FORM(
      "security.username_normalize_form",
      "NFKD",
      "SECURITY_USERNAME_NORMALIZE_FORM",
      "Unicode normalization of usernames (or none)."),
  PASSWORD_CONFIRM_REQUIRED(
      "security.password_confirm_required",
      "false",
      "SECURITY_PASSWORD_CONFIRM_REQUIRED (5.6)",
      "Registration through the JSON API also needs password_confirm (HTML forms always ask)."),
  EMAIL_CHECK_DELIVERABILITY(
      "security.email_check_deliverability",
      "false",
      "SECURITY_EMAIL_VALIDATOR_ARGS check_deliverability",
      "Look up the email domain's MX/A records in DNS when validating addresses."),
  EXTERNAL_BASE_URL(
      "security.external_base_url",
      "none",
      "SERVER_NAME/PREFERRED_URL_SCHEME",
      "Absolute URL of the JSON API root used in mailed links, e.g."
          + " https://app.example.com/sample/api; none = taken from the request."),
  URL_PREFIX(
      "security.url_prefix",
      "/api",
      "SECURITY_URL_PREFIX",
      "Path of the JSON API inside the application (the JAX-RS @ApplicationPath); used for"
          + " links mailed from HTML pages."),
  REDIRECT_BEHAVIOR(
      "security.redirect_behavior",
      "none",
      "SECURITY_REDIRECT_BEHAVIOR",
      "spa sends mailed-link results to the *_VIEW URLs with query parameters."),
  POST_REGISTER_VIEW(
      "security.post_register_view",
      "none",
      "SECURITY_POST_REGISTER_VIEW",
      "Where browsers go after registering; none = the application root."),
  POST_CONFIRM_VIEW(
      "security.post_confirm_view",
      "none",
      "SECURITY_POST_CONFIRM_VIEW",
      "Where a confirmation link leads (SPA: with ?success=...&email=...&identity=...)."),
  CONFIRM_ERROR_VIEW(
      "security.confirm_error_view",
      "none",
      "SECURITY_CONFIRM_ERROR_VIEW",
      "Where a bad or expired confirmation link leads (SPA: with ?error=... or ?info=...)."),
  POST_RESET_VIEW(
      "security.post_reset_view",
      "none",
      "SECURITY_POST_RESET_VIEW",
      "Where browsers go after a reset; none = the login page."),
  RESET_VIEW(
      "security.reset_view",
      "none",
      "SECURITY_RESET_VIEW",
      "SPA: where a valid reset link leads, with ?token=..."),
  RESET_ERROR_VIEW(
      "security.reset_error_view",
      "none",
      "SECURITY_RESET_ERROR_VIEW",
      "SPA: where a bad or expired reset link leads, with ?error=..."),
  POST_CHANGE_VIEW(
      "security.post_change_view",
      "none",
      "SECURITY_POST_CHANGE_VIEW",
      "Where browsers go after a password change; none = security.post_login_view."),
  POST_CHANGE_EMAIL_VIEW(
      "security.post_change_email_view",
      "none",
      "SECURITY_POST_CHANGE_EMAIL_VIEW (5.5)",
      "Where a change-email link leads; none = security.post_login_view."),
  CHANGE_EMAIL_ERROR_VIEW(
      "security.change_email_error_view",
      "none",
      "SECURITY_CHANGE_EMAIL_ERROR_VIEW (5.5)",
      "Where a bad change-email link leads; none = the change-email page."),
  REQUIRES_CONFIRMATION_ERROR_VIEW(
      "security.requires_confirmation_error_view",
      "none",
      "SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW",
      "HTML: where unconfirmed users are sent from login and forgot-password."),
  REGISTER_USER_TEMPLATE(
      "security.register_user_template",
      "/security/register_user.xhtml",
      "SECURITY_REGISTER_USER_TEMPLATE",
      "Faces view of the registration page."),
  SEND_CONFIRMATION_TEMPLATE(
      "security.send_confirmation_template",
      "/security/send_confirmation.xhtml",
      "SECURITY_SEND_CONFIRMATION_TEMPLATE",
      "Faces view of the resend-confirmation page."),
  FORGOT_PASSWORD_TEMPLATE(
      "security.forgot_password_template",
      "/security/forgot_password.xhtml",
      "SECURITY_FORGOT_PASSWORD_TEMPLATE",
      "Faces view of the forgot-password page."),
  RESET_PASSWORD_TEMPLATE(
      "security.reset_password_template",
      "/security/reset_password.xhtml",
      "SECURITY_RESET_PASSWORD_TEMPLATE",
      "Faces view of the reset-password page (gets ?token=...)."),
  CHANGE_PASSWORD_TEMPLATE(
      "security.change_password_template",
      "/security/change_password.xhtml",
      "SECURITY_CHANGE_PASSWORD_TEMPLATE",
      "Faces view of the change-password page."),
  CHANGE_EMAIL_TEMPLATE(
      "security.change_email_template",
      "/security/change_email.xhtml",
      "SECURITY_CHANGE_EMAIL_TEMPLATE (5.5)",
      "Faces view of the change-email page."),
  PASSWORD_COMPLEXITY_CHECKER(
      "security.password_complexity_checker",
      "none",
      "SECURITY_PASSWORD_COMPLEXITY_CHECKER",
      "Password strength check for new passwords: zxcvbn or none."),
  ZXCVBN_MINIMUM_SCORE(
      "security.zxcvbn_minimum_score",
      "3",
      "SECURITY_ZXCVBN_MINIMUM_SCORE",
      "Lowest zxcvbn score (0-4) a new password needs."),
  PASSWORD_CHECK_BREACHED(
      "security.password_check_breached",
      "false",
      "SECURITY_PASSWORD_CHECK_BREACHED",
      "Refuse new passwords found in breach lists: false, best-effort (accept when the list"
          + " cannot be read) or strict (refuse then)."),
  PASSWORD_BREACHED_COUNT(
      "security.password_breached_count",
      "1",
      "SECURITY_PASSWORD_BREACHED_COUNT",
      "A password seen in breaches at least this often is refused."),
  PASSWORD_BREACHED_URL(
      "security.password_breached_url",
      "https://api.pwnedpasswords.com/range/",
      "(Portcullis)",
      "k-anonymity range API; the first 5 hex digits of the password's SHA-1 are appended."),
  PASSWORD_BREACHED_FILE(
      "security.password_breached_file",
      "none",
      "(Portcullis)",
      "Offline breach data used instead of the API: a directory of <PREFIX>.txt range files or"
          + " one file of SHA1:COUNT lines sorted by hash."),
  PASSWORD_BREACHED_CONNECT_TIMEOUT(
      "security.password_breached_connect_timeout",
      "3 seconds",
      "(Portcullis)",
      "Connect timeout of the range API."),
  PASSWORD_BREACHED_READ_TIMEOUT(
      "security.password_breached_read_timeout",
      "5 seconds",
      "(Portcullis)",
      "Time allowed for the range API's whole answer."),
  MAX_REQUEST_BYTES(
      "security.max_request_bytes",
      "65536",
      "(Portcullis)",
      "Largest JSON or form body the API endpoints accept; larger gets 413 in the envelope."),
  MAIL_BACKEND(
      "mail.backend",
      "smtp",
      "MAIL_BACKEND (Flask-Mailman)",
      "smtp sends through Jakarta Mail; console prints every mail to the log (development only)."),
  MAIL_SERVER("mail.server", "localhost", "MAIL_SERVER", "SMTP host."),
  MAIL_PORT("mail.port", "25", "MAIL_PORT", "SMTP port."),
  MAIL_USE_TLS(
      "mail.use_tls",
      "false",
      "MAIL_USE_TLS",
      "Require STARTTLS on the SMTP connection (exclusive with mail.use_ssl)."),
  MAIL_USE_SSL(
      "mail.use_ssl",
      "false",
      "MAIL_USE_SSL",
      "Connect with implicit TLS (SMTPS, usually port 465; exclusive with mail.use_tls)."),
  MAIL_USERNAME("mail.username", "none", "MAIL_USERNAME", "SMTP login; none = no authentication."),
  MAIL_PASSWORD("mail.password", "none", "MAIL_PASSWORD", "SMTP password (never logged)."),
  MAIL_DEFAULT_SENDER(
      "mail.default_sender",
      "no-reply@localhost",
      "MAIL_DEFAULT_SENDER",
      "From address when security.email_sender is not set; 'Name <address>' allowed."),
  MAIL_TIMEOUT(
      "mail.timeout",
      "30 seconds",
      "MAIL_TIMEOUT (Flask-Mailman)",
      "Connect, read and write timeout of one SMTP delivery attempt."),
  MAIL_JNDI_SESSION(
      "mail.jndi_session",
      "none",
      "(Portcullis)",
      "JNDI name of a container mail session (e.g. java:app/mail/portcullis); when set it is used"
          + " instead of mail.server, mail.port, TLS and login settings."),
  EMAIL_SENDER(
      "security.email_sender",
      "none",
      "SECURITY_EMAIL_SENDER",
      "From address of Portcullis' mails; none = mail.default_sender."),
  EMAIL_PLAINTEXT(
      "security.email_plaintext", "true", "SECURITY_EMAIL_PLAINTEXT", "Send a text/plain body."),
  EMAIL_HTML("security.email_html", "true", "SECURITY_EMAIL_HTML", "Send a text/html body."),
  EMAIL_SUBJECT_REGISTER(
      "security.email_subject_register",
      "none",
      "SECURITY_EMAIL_SUBJECT_REGISTER",
      "Subject of the welcome mails; none = message EMAIL_SUBJECT_REGISTER of the bundle."),
  EMAIL_SUBJECT_CONFIRM(
      "security.email_subject_confirm",
      "none",
      "SECURITY_EMAIL_SUBJECT_CONFIRM",
      "Subject of the confirmation instructions; none = the bundle's EMAIL_SUBJECT_CONFIRM."),
  EMAIL_SUBJECT_PASSWORD_RESET(
      "security.email_subject_password_reset",
      "none",
      "SECURITY_EMAIL_SUBJECT_PASSWORD_RESET",
      "Subject of the reset instructions; none = the bundle's EMAIL_SUBJECT_PASSWORD_RESET."),
  EMAIL_SUBJECT_PASSWORD_NOTICE(
      "security.email_subject_password_notice",
      "none",
      "SECURITY_EMAIL_SUBJECT_PASSWORD_NOTICE",
      "Subject of the reset notice; none = the bundle's EMAIL_SUBJECT_PASSWORD_NOTICE."),
  EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE(
      "security.email_subject_password_change_notice",
      "none",
      "SECURITY_EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE",
      "Subject of the change notice; none = the bundle's EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE."),
  EMAIL_SUBJECT_CHANGE_EMAIL(
      "security.email_subject_change_email",
      "none",
      "(Portcullis)",
      "Subject of the change-email instructions; none = the bundle's EMAIL_SUBJECT_CHANGE_EMAIL."),
  EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE(
      "security.email_subject_change_email_notice",
      "none",
      "(Portcullis)",
      "Subject of the change-email notice; none = the bundle's EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE."),
  MAIL_RETRY_INTERVAL(
      "security.mail_retry_interval",
      "30 seconds",
      "(Portcullis)",
      "How often the outbox looks for mails due for (re)delivery; also the first retry delay,"
          + " doubled per failed attempt up to one hour."),
  MAIL_MAX_ATTEMPTS(
      "security.mail_max_attempts",
      "50",
      "(Portcullis)",
      "Delivery attempts per mail before the outbox gives up (the row stays for an operator).");

  private final String property;
  private final String defaultValue;
  private final String flaskKey;
  private final String description;

  ConfigKey(String property, String defaultValue, String flaskKey, String description) {
    this.property = property;
    this.defaultValue = defaultValue;
    this.flaskKey = flaskKey;
    this.description = description;
  }

  /** The MicroProfile Config property name. */
  public String property() {
    return property;
  }

  /** The default as text, {@code null} when the key is required. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The Flask-Security (or Flask) key this ports. */
  public String flaskKey() {
    return flaskKey;
  }

  /** One line for the README. */
  public String description() {
    return description;
  }
}
