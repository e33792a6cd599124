/**
 * Signed tokens: one signer for every purpose, wire-compatible with Flask-Security-Too.
 *
 * <p>{@link dev.portcullis.impl.token.TokenSigner} reproduces itsdangerous 2.x's {@code
 * URLSafeTimedSerializer}; {@link dev.portcullis.impl.token.PurposeTokens} binds each {@link
 * dev.portcullis.impl.token.TokenPurpose} to its own salt so a token of one purpose never verifies
 * as another. On top of it sit the auth-token codec ({@code flask_security/core.py}), the
 * Flask-Login remember cookie and Flask-WTF's CSRF token. Every check returns a sealed result or
 * enum; bad input never throws. Every expiry is decided by an injected {@link java.time.Clock}.
 */
package dev.portcullis.impl.token;
