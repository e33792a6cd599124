package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A signed-in user set up a new second factor and confirmed it with a code (Flask-Security's {@code
 * tf_profile_changed} signal). Fired after the change is committed; carries no secret.
 *
 * <pre>{@code
 * void notify(@ObservesAsync TwoFactorProfileChanged e) { mailer.securityNotice(e.user(), e.method()); }
 * }</pre>
 *
 * @param user the user
 * @param method the new method: {@code authenticator}, {@code email} or {@code sms}
 */
public record TwoFactorProfileChanged(SecurityUser user, String method) {}
