package dev.portcullis;

/**
 * How a request was authenticated (Flask-Security's {@code fs_authn_via} request attribute and the
 * method names of {@code auth_required}).
 *
 * <pre>{@code
 * @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.BASIC})
 * }</pre>
 */
public enum Mechanism {
  /** {@code Authentication-Token} header or {@code auth_token} query parameter. */
  TOKEN,
  /** The server session (including one re-established from the remember-me cookie). */
  SESSION,
  /**
   * HTTP Basic: tried only for a JAX-RS resource method whose {@link AuthRequired} accepts it (and
   * only when no token or session authenticated the request); it never creates a session. Elsewhere
   * an {@code Authorization: Basic} header is ignored.
   */
  BASIC,
  /**
   * {@code Authorization: Bearer} with a MicroProfile JWT access token Portcullis issued ({@code
   * POST /jwt}); accepted only where listed, e.g. in {@code security.api_enabled_methods}. Never
   * creates a session and needs no CSRF token.
   */
  JWT;

  /**
   * Flask-Security's name for the mechanism: {@code token}, {@code session}, {@code basic}, {@code
   * jwt}.
   */
  public String flaskName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
