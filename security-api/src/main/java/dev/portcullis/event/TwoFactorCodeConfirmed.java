package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user signing in passed their second factor (Flask-Security's {@code tf_code_confirmed} signal):
 * a code at {@code /tf-validate}, also when it completed a set-up during sign-in. Fired
 * synchronously and asynchronously after the change is committed; carries no code.
 *
 * <pre>{@code
 * void audit(@ObservesAsync TwoFactorCodeConfirmed e) { log.info(e.user().email() + " passed " + e.method()); }
 * }</pre>
 *
 * @param user the user
 * @param method {@code authenticator}, {@code email} or {@code sms}
 */
public record TwoFactorCodeConfirmed(SecurityUser user, String method) {}
