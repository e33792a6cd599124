package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user set a new password through a reset link (Flask-Security's {@code password_reset} signal).
 * Fired synchronously and asynchronously after the change is committed.
 *
 * <pre>{@code
 * void onReset(@ObservesAsync PasswordReset e) { ... }
 * }</pre>
 *
 * @param user the user
 */
public record PasswordReset(SecurityUser user) {}
