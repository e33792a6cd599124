package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;

/**
 * A sign-in whose first factor passed and whose second factor has not yet (Flask-Security's {@code
 * tf_user_id} and {@code tf_remember_login}).
 *
 * @param user the user, re-loaded when the state was read
 * @param method the primary method that passed
 * @param remember the remember-me choice, applied when the sign-in completes
 */
public record PendingSignIn(UserRecord user, String method, boolean remember) {}
