package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user turned two-factor sign-in off (Flask-Security's {@code tf_disabled} signal). Fired after
 * the change is committed.
 *
 * <pre>{@code
 * void notify(@ObservesAsync TwoFactorDisabled e) { mailer.securityNotice(e.user()); }
 * }</pre>
 *
 * @param user the user
 */
public record TwoFactorDisabled(SecurityUser user) {}
