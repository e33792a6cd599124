package dev.portcullis.impl.token;

/**
 * Outcome of {@link CsrfTokens#validate}, with Flask-WTF's failure reasons ({@code
 * flask_wtf/csrf.py: validate_csrf}) in the order it tests them.
 */
public enum CsrfCheck {
  /** The token is good. */
  OK(null),
  /** No token was presented. */
  MISSING("The CSRF token is missing."),
  /** The session holds no raw token to compare with. */
  SESSION_MISSING("The CSRF session token is missing."),
  /** Correctly signed but older than the time limit (or signed in the future). */
  EXPIRED("The CSRF token has expired."),
  /** Not a CSRF token signed with our key. */
  INVALID("The CSRF token is invalid."),
  /** A genuine CSRF token, but issued for another session. */
  MISMATCH("The CSRF tokens do not match.");

  private final String defaultMessage;

  CsrfCheck(String defaultMessage) {
    this.defaultMessage = defaultMessage;
  }

  /** Flask-WTF's English text for the failure ({@code null} for {@link #OK}). */
  public String defaultMessage() {
    return defaultMessage;
  }

  /** Whether the request passes. */
  public boolean isOk() {
    return this == OK;
  }
}
