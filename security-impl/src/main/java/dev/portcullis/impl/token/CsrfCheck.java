package dev.portcullis.impl.token;

/**
 * Outcome of {@link CsrfTokens#validate}, with Flask-WTF's failure reasons ({@code
 * flask_wtf/csrf.py: validate_csrf}) in the order it tests them; their texts are the messages
 * {@code CSRF_<NAME>} (Flask-WTF's English wording in the base bundle).
 */
public enum CsrfCheck {
  /** The token is good. */
  OK,
  /** No token was presented. */
  MISSING,
  /** The session holds no raw token to compare with. */
  SESSION_MISSING,
  /** Correctly signed but older than the time limit (or signed in the future). */
  EXPIRED,
  /** Not a CSRF token signed with our key. */
  INVALID,
  /** A genuine CSRF token, but issued for another session. */
  MISMATCH;

  /** The message key of the failure, e.g. {@code CSRF_MISSING} ({@code null} for {@link #OK}). */
  public String messageKey() {
    return this == OK ? null : "CSRF_" + name();
  }

  /** Whether the request passes. */
  public boolean isOk() {
    return this == OK;
  }
}
