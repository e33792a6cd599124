package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user's password was changed, by the user or an administrator (Flask-Security's {@code
 * password_changed} signal). Fired synchronously and asynchronously after the change is committed.
 *
 * <pre>{@code
 * void onChange(@ObservesAsync PasswordChanged e) { ... }
 * }</pre>
 *
 * @param user the user
 */
public record PasswordChanged(SecurityUser user) {}
