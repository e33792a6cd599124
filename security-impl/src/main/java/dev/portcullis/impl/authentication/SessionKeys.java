package dev.portcullis.impl.authentication;

/** Names of the session attributes Portcullis keeps (Flask-Security spec §7.1). */
public final class SessionKeys {

  /** {@code fs_uniquifier} of the signed-in user (Flask-Login's {@code _user_id}). */
  public static final String USER_ID = "fs_uid";

  /**
   * The {@link FreshnessAnchor}: Flask-Security's {@code fs_paa} and {@code fs_gexp}, bound to the
   * user they were made for.
   */
  public static final String FRESHNESS = "fs_paa";

  /** The signed state of a sign-in waiting for its second factor (Flask's {@code tf_user_id}). */
  public static final String SIGNIN_PENDING = "fs_signin_pending";

  /**
   * Set while a pending sign-in waits for its user to choose among several second factors (Flask's
   * {@code tf_select}).
   */
  public static final String SIGNIN_SELECT = "fs_signin_select";

  /**
   * The second factor's own state while it is passed or set up (Flask's {@code tf_state}, {@code
   * tf_primary_method}, {@code tf_totp_secret}).
   */
  public static final String TWO_FACTOR = "fs_tf";

  /** CSRF-cookie state: {@code set} after login, then {@code sent}. */
  public static final String CSRF_COOKIE_STATE = "fs_cc";

  /**
   * The raw CSRF token (Flask-WTF's {@code csrf_token}) of a client with a session; clients without
   * one keep it in a signed cookie instead, so handing out a token never creates a session.
   */
  public static final String CSRF_TOKEN = "csrf_token";

  /** Messages to show on the next HTML page. */
  public static final String FLASHES = "_flashes";

  private SessionKeys() {}
}
