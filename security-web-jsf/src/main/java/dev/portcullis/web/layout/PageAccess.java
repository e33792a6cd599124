package dev.portcullis.web.layout;

/** Who may see a Portcullis page (Flask-Security's decorators on the same views). */
public enum PageAccess {
  /** Anybody ({@code /login} shows the form to anonymous callers). */
  ANYONE,
  /** Anonymous callers only; signed-in ones go to the post-login view. */
  ANONYMOUS,
  /** Signed-in callers; others go to the login page with {@code next} back here. */
  SIGNED_IN,
  /** Signed in and recently authenticated ({@code security.freshness}); else the verify page. */
  FRESH,
  /** Signed in; fresh too when the user has no password (spec §6.6, {@code /change}). */
  SIGNED_IN_FRESH_WITHOUT_PASSWORD
}
