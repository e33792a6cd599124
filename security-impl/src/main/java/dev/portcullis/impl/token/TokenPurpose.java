package dev.portcullis.impl.token;

/**
 * What a signed token is for. Each purpose signs with its own salt (Flask-Security's {@code *_SALT}
 * settings, Flask-WTF's fixed CSRF salt), so a token issued for one purpose never verifies as
 * another: the salt is part of the HMAC key.
 */
public enum TokenPurpose {
  /** Authentication tokens ({@code SECURITY_REMEMBER_SALT}, despite the name). */
  AUTH("remember-salt"),
  /** E-mail confirmation links ({@code SECURITY_CONFIRM_SALT}). */
  CONFIRM("confirm-salt"),
  /** Password-reset links ({@code SECURITY_RESET_SALT}). */
  RESET("reset-salt"),
  /** Passwordless login links ({@code SECURITY_LOGIN_SALT}). */
  LOGIN("login-salt"),
  /**
   * The {@code tf_validity} remember-this-device cookie ({@code
   * SECURITY_TWO_FACTOR_VALIDITY_SALT}).
   */
  TWO_FACTOR_VALIDITY("tf-validity-salt"),
  /** Unified sign-in setup state ({@code SECURITY_US_SETUP_SALT}). */
  US_SETUP("us-setup-salt"),
  /** WebAuthn ceremony state ({@code SECURITY_WAN_SALT}). */
  WEBAUTHN("wan-salt"),
  /** Change-email links ({@code SECURITY_CHANGE_EMAIL_SALT}, Flask-Security 5.5+). */
  CHANGE_EMAIL("change-email-salt"),
  /**
   * A sign-in waiting for its second factor (Portcullis; Flask-Security keeps {@code tf_user_id}
   * unsigned in its signed cookie session).
   */
  SIGNIN_PENDING("signin-pending-salt"),
  /**
   * An OAuth sign-in between its start and the provider's answer: state, nonce, PKCE verifier
   * (Portcullis; Flask-Security keeps them in its signed cookie session).
   */
  OAUTH_STATE("portcullis-oauth-state"),
  /** Flashed messages of a browser without a server session (Portcullis). */
  FLASH("portcullis-flash"),
  /** Flask-WTF CSRF tokens (salt fixed in {@code flask_wtf/csrf.py}). */
  CSRF("wtf-csrf-token"),
  /**
   * The cookie holding an anonymous client's raw CSRF value, where Flask keeps it in its signed
   * session cookie (salt {@code cookie-session}); Portcullis' own salt, not configurable.
   */
  CSRF_COOKIE("portcullis-csrf-cookie");

  private final String defaultSalt;

  TokenPurpose(String defaultSalt) {
    this.defaultSalt = defaultSalt;
  }

  /** The salt Flask uses when the application does not configure one. */
  public String defaultSalt() {
    return defaultSalt;
  }
}
