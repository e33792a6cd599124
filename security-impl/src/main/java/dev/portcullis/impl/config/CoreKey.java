package dev.portcullis.impl.config;

/**
 * Keys of the foundation: secrets, password hashing, tokens, identity, login, CSRF, remember-me,
 * redirects and freshness. See {@link ConfigKey}.
 */
public enum CoreKey implements ConfigKey {
  SECRET_KEY(
      new KeySpec(
          "security.secret_key",
          null,
          "SECRET_KEY",
          "HMAC key for every signed token and cookie. Required, at least 32 characters.")),
  PASSWORD_SALT(
      new KeySpec(
          "security.password_salt",
          null,
          "SECURITY_PASSWORD_SALT",
          "HMAC key of the password pre-hash. Required unless the hash scheme is single-hash.")),
  PASSWORD_HASH(
      new KeySpec(
          "security.password_hash",
          "bcrypt",
          "SECURITY_PASSWORD_HASH",
          "Scheme for new hashes: bcrypt, argon2, pbkdf2_sha512, sha512_crypt or plaintext (tests only).")),
  PASSWORD_SCHEMES(
      new KeySpec(
          "security.password_schemes",
          "bcrypt,argon2,des_crypt,pbkdf2_sha256,pbkdf2_sha512,sha256_crypt,sha512_crypt",
          "SECURITY_PASSWORD_SCHEMES",
          "Schemes accepted when verifying stored hashes, in order. plaintext (stored value = the"
              + " password) only if listed here (last) or set as security.password_hash;"
              + " Flask-Security's default list has it.")),
  DEPRECATED_PASSWORD_SCHEMES(
      new KeySpec(
          "security.deprecated_password_schemes",
          "auto",
          "SECURITY_DEPRECATED_PASSWORD_SCHEMES",
          "Schemes re-hashed at the next successful login; auto = all but security.password_hash.")),
  PASSWORD_SINGLE_HASH(
      new KeySpec(
          "security.password_single_hash",
          "plaintext",
          "SECURITY_PASSWORD_SINGLE_HASH",
          "Schemes hashed without the HMAC pre-hash (true = all, false = plaintext only).")),
  PASSWORD_HASH_PASSLIB_OPTIONS(
      new KeySpec(
          "security.password_hash_passlib_options",
          "argon2__rounds=10",
          "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS",
          "Scheme parameters as scheme__option=value pairs, e.g. bcrypt__rounds=13.")),
  PASSWORD_NORMALIZE_FORM(
      new KeySpec(
          "security.password_normalize_form",
          "NFKD",
          "SECURITY_PASSWORD_NORMALIZE_FORM",
          "Unicode normalization of passwords (NFC, NFD, NFKC, NFKD or none).")),
  PASSWORD_LENGTH_MIN(
      new KeySpec(
          "security.password_length_min",
          "8",
          "SECURITY_PASSWORD_LENGTH_MIN",
          "Minimum password length in code points (the maximum is 128).")),
  TOKEN_AUTHENTICATION_KEY(
      new KeySpec(
          "security.token_authentication_key",
          "auth_token",
          "SECURITY_TOKEN_AUTHENTICATION_KEY",
          "Query parameter carrying an auth token.")),
  TOKEN_AUTHENTICATION_HEADER(
      new KeySpec(
          "security.token_authentication_header",
          "Authentication-Token",
          "SECURITY_TOKEN_AUTHENTICATION_HEADER",
          "Header carrying an auth token.")),
  TOKEN_MAX_AGE(
      new KeySpec(
          "security.token_max_age",
          "none",
          "SECURITY_TOKEN_MAX_AGE",
          "Maximum age of auth tokens: seconds, '<n> <unit>' or ISO-8601; none = unlimited.")),
  TOKEN_EXPIRE_WITHIN(
      new KeySpec(
          "security.token_expire_within",
          "none",
          "SECURITY_TOKEN_EXPIRE_TIMESTAMP",
          "Per-token expiry written into each new token (its exp claim); none = no expiry.")),
  REMEMBER_SALT(
      new KeySpec(
          "security.remember_salt",
          "remember-salt",
          "SECURITY_REMEMBER_SALT",
          "Salt of auth tokens.")),
  CONFIRM_SALT(
      new KeySpec(
          "security.confirm_salt",
          "confirm-salt",
          "SECURITY_CONFIRM_SALT",
          "Salt of email confirmation tokens.")),
  RESET_SALT(
      new KeySpec(
          "security.reset_salt",
          "reset-salt",
          "SECURITY_RESET_SALT",
          "Salt of password reset tokens.")),
  LOGIN_SALT(
      new KeySpec(
          "security.login_salt",
          "login-salt",
          "SECURITY_LOGIN_SALT",
          "Salt of login-link tokens.")),
  API_ENABLED_METHODS(
      new KeySpec(
          "security.api_enabled_methods",
          "session,token",
          "SECURITY_API_ENABLED_METHODS",
          "Mechanisms accepted where @AuthRequired names none.")),
  DEFAULT_HTTP_AUTH_REALM(
      new KeySpec(
          "security.default_http_auth_realm",
          "Login Required",
          "SECURITY_DEFAULT_HTTP_AUTH_REALM",
          "Realm of WWW-Authenticate: Basic.")),
  DEFAULT_REMEMBER_ME(
      new KeySpec(
          "security.default_remember_me",
          "false",
          "SECURITY_DEFAULT_REMEMBER_ME",
          "Remember-me when the login request does not say.")),
  BACKWARDS_COMPAT_AUTH_TOKEN(
      new KeySpec(
          "security.backwards_compat_auth_token",
          "false",
          "SECURITY_BACKWARDS_COMPAT_AUTH_TOKEN",
          "Return the auth token even without ?include_auth_token.")),
  USER_IDENTITY_ATTRIBUTES(
      new KeySpec(
          "security.user_identity_attributes",
          "email",
          "SECURITY_USER_IDENTITY_ATTRIBUTES",
          "Ordered attributes that identify a user (email, username, us_phone_number); lookups are"
              + " case-insensitive.")),
  USERNAME_ENABLE(
      new KeySpec(
          "security.username_enable",
          "false",
          "SECURITY_USERNAME_ENABLE",
          "Adds username to the login form and to the identity attributes.")),
  RETURN_GENERIC_RESPONSES(
      new KeySpec(
          "security.return_generic_responses",
          "false",
          "SECURITY_RETURN_GENERIC_RESPONSES",
          "Answers that do not reveal whether an account exists.")),
  FLASH_MESSAGES(
      new KeySpec(
          "security.flash_messages",
          "true",
          "SECURITY_FLASH_MESSAGES",
          "Show messages on the next HTML page after a redirect.")),
  TRACKABLE(
      new KeySpec(
          "security.trackable",
          "false",
          "SECURITY_TRACKABLE",
          "Record login times, addresses and counts.")),
  PROXY_X_FOR(
      new KeySpec(
          "security.proxy_x_for",
          "0",
          "ProxyFix(x_for=N)",
          "Trusted proxies in front of the server: the client address is taken from the Nth-last"
              + " X-Forwarded-For entry; 0 ignores the header.")),
  LOGOUT_METHODS(
      new KeySpec(
          "security.logout_methods",
          "GET,POST",
          "SECURITY_LOGOUT_METHODS",
          "HTTP methods accepted by logout.")),
  LOGIN_USER_TEMPLATE(
      new KeySpec(
          "security.login_user_template",
          "/security/login_user.xhtml",
          "SECURITY_LOGIN_USER_TEMPLATE",
          "Faces view of the login page (browsers are sent here).")),
  VERIFY_TEMPLATE(
      new KeySpec(
          "security.verify_template",
          "/security/verify.xhtml",
          "SECURITY_VERIFY_TEMPLATE",
          "Faces view of the re-authentication page.")),
  POST_LOGIN_VIEW(
      new KeySpec(
          "security.post_login_view",
          "/",
          "SECURITY_POST_LOGIN_VIEW",
          "Where browsers go after login (relative to the application).")),
  POST_LOGOUT_VIEW(
      new KeySpec(
          "security.post_logout_view",
          "/",
          "SECURITY_POST_LOGOUT_VIEW",
          "Where browsers go after logout.")),
  POST_VERIFY_VIEW(
      new KeySpec(
          "security.post_verify_view",
          "none",
          "SECURITY_POST_VERIFY_VIEW",
          "Where browsers go after re-authentication; none = security.post_login_view.")),
  UNAUTHORIZED_VIEW(
      new KeySpec(
          "security.unauthorized_view",
          "none",
          "SECURITY_UNAUTHORIZED_VIEW",
          "Where browsers lacking a role or permission go; none = plain 403.")),
  REDIRECT_ALLOW_SUBDOMAINS(
      new KeySpec(
          "security.redirect_allow_subdomains",
          "false",
          "SECURITY_REDIRECT_ALLOW_SUBDOMAINS",
          "Allow next= targets on subdomains of security.redirect_base_domain.")),
  REDIRECT_BASE_DOMAIN(
      new KeySpec(
          "security.redirect_base_domain",
          "none",
          "SECURITY_REDIRECT_BASE_DOMAIN (5.5)",
          "Base domain for security.redirect_allow_subdomains.")),
  REDIRECT_ALLOWED_SUBDOMAINS(
      new KeySpec(
          "security.redirect_allowed_subdomains",
          "",
          "SECURITY_REDIRECT_ALLOWED_SUBDOMAINS (5.5)",
          "If set, only these subdomains of the base domain are allowed.")),
  FRESHNESS(
      new KeySpec(
          "security.freshness",
          "24 hours",
          "SECURITY_FRESHNESS",
          "Maximum age of the last primary authentication for sensitive operations; negative"
              + " disables.")),
  FRESHNESS_GRACE_PERIOD(
      new KeySpec(
          "security.freshness_grace_period",
          "1 hours",
          "SECURITY_FRESHNESS_GRACE_PERIOD",
          "After a successful freshness check, further checks pass for this long.")),
  CSRF_ENABLED(
      new KeySpec(
          "wtf.csrf_enabled",
          "true",
          "WTF_CSRF_ENABLED",
          "CSRF protection on or off (tests only).")),
  CSRF_TIME_LIMIT(
      new KeySpec(
          "wtf.csrf_time_limit",
          "3600 seconds",
          "WTF_CSRF_TIME_LIMIT",
          "Lifetime of a CSRF token handed to a client.")),
  CSRF_PROTECT_MECHANISMS(
      new KeySpec(
          "security.csrf_protect_mechanisms",
          "session,basic",
          "SECURITY_CSRF_PROTECT_MECHANISMS",
          "Mechanisms whose unsafe requests need a CSRF token. Token-authenticated requests are"
              + " exempt by default.")),
  CSRF_IGNORE_UNAUTH_ENDPOINTS(
      new KeySpec(
          "security.csrf_ignore_unauth_endpoints",
          "false",
          "SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS",
          "Skip CSRF on login and other endpoints for anonymous callers.")),
  CSRF_COOKIE_NAME(
      new KeySpec(
          "security.csrf_cookie_name",
          "none",
          "SECURITY_CSRF_COOKIE_NAME",
          "If set (e.g. XSRF-TOKEN), a readable cookie carrying the CSRF token is sent to SPAs.")),
  CSRF_COOKIE_SAMESITE(
      new KeySpec(
          "security.csrf_cookie_samesite",
          "Strict",
          "SECURITY_CSRF_COOKIE",
          "SameSite of that cookie.")),
  CSRF_COOKIE_SECURE(
      new KeySpec(
          "security.csrf_cookie_secure",
          "false",
          "SECURITY_CSRF_COOKIE",
          "Secure flag of that cookie.")),
  CSRF_HEADER(
      new KeySpec(
          "security.csrf_header",
          "X-XSRF-Token",
          "SECURITY_CSRF_HEADER",
          "Header accepted as CSRF token carrier, besides X-CSRF-Token and X-CSRFToken.")),
  CSRF_COOKIE_REFRESH_EACH_REQUEST(
      new KeySpec(
          "security.csrf_cookie_refresh_each_request",
          "false",
          "SECURITY_CSRF_COOKIE_REFRESH_EACH_REQUEST",
          "Re-send the CSRF cookie on every response.")),
  REMEMBER_COOKIE_NAME(
      new KeySpec(
          "remember.cookie_name",
          "remember_token",
          "REMEMBER_COOKIE_NAME",
          "Name of the remember-me cookie.")),
  REMEMBER_COOKIE_DURATION(
      new KeySpec(
          "remember.cookie_duration",
          "365 days",
          "REMEMBER_COOKIE_DURATION",
          "Lifetime of the remember-me cookie.")),
  REMEMBER_COOKIE_SECURE(
      new KeySpec(
          "remember.cookie_secure",
          "auto",
          "REMEMBER_COOKIE_SECURE",
          "Secure flag of the remember-me cookie: true, false, or auto = when the request is"
              + " HTTPS (set true behind a TLS-terminating proxy).")),
  REMEMBER_COOKIE_SAMESITE(
      new KeySpec(
          "remember.cookie_samesite",
          "Lax",
          "REMEMBER_COOKIE_SAMESITE",
          "SameSite of the remember-me cookie: Strict, Lax or None (None needs Secure true).")),
  REMEMBER_COOKIE_HTTPONLY(
      new KeySpec(
          "remember.cookie_httponly",
          "true",
          "REMEMBER_COOKIE_HTTPONLY",
          "HttpOnly flag of the remember-me cookie.")),
  REMEMBER_COOKIE_PATH(
      new KeySpec(
          "remember.cookie_path",
          "none",
          "REMEMBER_COOKIE_PATH",
          "Path of the remember-me cookie; none = the application's context path.")),
  REMEMBER_COOKIE_DOMAIN(
      new KeySpec(
          "remember.cookie_domain",
          "none",
          "REMEMBER_COOKIE_DOMAIN",
          "Domain of the remember-me cookie; none = the request's host only.")),
  SESSION_COOKIE_SECURE(
      new KeySpec(
          "session.cookie_secure",
          "auto",
          "SESSION_COOKIE_SECURE",
          "Secure flag of the session cookie (JSESSIONID): true, false, or auto = when the"
              + " request is HTTPS (set true behind a TLS-terminating proxy).")),
  SESSION_COOKIE_SAMESITE(
      new KeySpec(
          "session.cookie_samesite",
          "Lax",
          "SESSION_COOKIE_SAMESITE",
          "SameSite of the session cookie: Strict, Lax or None (None needs Secure true).")),
  SESSION_COOKIE_HTTPONLY(
      new KeySpec(
          "session.cookie_httponly",
          "true",
          "SESSION_COOKIE_HTTPONLY",
          "HttpOnly flag of the session cookie.")),
  MAX_REQUEST_BYTES(
      new KeySpec(
          "security.max_request_bytes",
          "65536",
          "(Portcullis)",
          "Largest JSON or form body the API endpoints accept; larger gets 413 in the envelope.")),
  I18N_DEFAULT_LOCALE(
      new KeySpec(
          "security.i18n_default_locale",
          "en",
          "BABEL_DEFAULT_LOCALE",
          "Language of pages, JSON messages and mails when the request asks for none of"
              + " security.i18n_locales (a BCP 47 tag such as en or de-CH).")),
  I18N_LOCALES(
      new KeySpec(
          "security.i18n_locales",
          "en,de,fr",
          "(Portcullis)",
          "Languages offered, matched against the request's Accept-Language as Flask-Babel's"
              + " locale selector would; an application adds one by adding bundles for it.")),
  I18N_BUNDLE(
      new KeySpec(
          "security.i18n_bundle",
          "portcullis",
          "(Portcullis)",
          "Base name of the application's own text bundle (UTF-8 .properties files such as"
              + " WEB-INF/classes/portcullis_de.properties), consulted before Portcullis' texts;"
              + " none = no application bundle.")),
  DATASTORE_SCHEMA(
      new KeySpec(
          "security.datastore_schema",
          "portcullis",
          "(Portcullis)",
          "Whose tables hold users and roles: portcullis (its own fs_user, fs_role, ..., created"
              + " and migrated by Portcullis) or fsqla_v3 (a Flask-Security database on the fsqla_v3"
              + " models: user, role, roles_users, web_authn, adopted in place on start; PostgreSQL"
              + " or MariaDB/MySQL). See Moving from Flask-Security.")),
  DATASTORE_USER_TABLE(
      new KeySpec(
          "security.datastore_user_table",
          "",
          "FsModels.set_db_info(user_table_name)",
          "With fsqla_v3: the user table's name, if not user.")),
  DATASTORE_ROLE_TABLE(
      new KeySpec(
          "security.datastore_role_table",
          "",
          "FsModels.set_db_info(role_table_name)",
          "With fsqla_v3: the role table's name, if not role.")),
  DATASTORE_ROLES_USERS_TABLE(
      new KeySpec(
          "security.datastore_roles_users_table",
          "",
          "(Portcullis)",
          "With fsqla_v3: the user-role association table's name, if not roles_users.")),
  DATASTORE_WEBAUTHN_TABLE(
      new KeySpec(
          "security.datastore_webauthn_table",
          "",
          "FsModels.set_db_info(webauthn_table_name)",
          "With fsqla_v3: the WebAuthn table's name, if not web_authn (Flask-SQLAlchemy's name for"
              + " a model class WebAuthn).")),
  DATASTORE_COLUMNS(
      new KeySpec(
          "security.datastore_columns",
          "",
          "(Portcullis)",
          "With fsqla_v3: columns whose names differ from Flask-Security's, as"
              + " table.column=name pairs, e.g. user.active=is_active,role.name=title.")),
  OPENAPI(
      new KeySpec(
          "security.openapi",
          "true",
          "(Portcullis)",
          "Describe the JSON API in the server's MicroProfile OpenAPI document (/openapi), under"
              + " security.url_prefix and only with enabled features; false leaves it out.")),
  IDENTITY_CACHE_TTL(
      new KeySpec(
          "security.identity_cache_ttl",
          "none",
          "(Portcullis)",
          "How long a node may reuse the user it read for an authenticated request (token,"
              + " session, remember-me, JWT) instead of reading it again; none = read on every"
              + " request. Changes made on the same node take effect at once; a password change,"
              + " deactivation or role change made on another node (or by Flask-Security, or the"
              + " command line) may go unnoticed for this long. See The cost of authentication.")),
  IDENTITY_CACHE_SIZE(
      new KeySpec(
          "security.identity_cache_size",
          "10000",
          "(Portcullis)",
          "Most users one node keeps with security.identity_cache_ttl; when full it starts"
              + " again empty.")),
  SERVICE_UNAVAILABLE_RETRY_AFTER(
      new KeySpec(
          "security.service_unavailable_retry_after",
          "30 seconds",
          "(Portcullis)",
          "The Retry-After of the 503 answered while the database cannot be reached"
              + " (SERVICE_UNAVAILABLE).")),
  HEALTH_OUTBOX_BACKLOG(
      new KeySpec(
          "security.health_outbox_backlog",
          "1000",
          "(Portcullis)",
          "MicroProfile Health readiness is DOWN while more mails than this wait in the outbox"
              + " (where the server provides MicroProfile Health)."));

  private final KeySpec spec;

  CoreKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
