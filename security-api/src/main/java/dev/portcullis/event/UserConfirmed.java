package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user confirmed their email address by following the link (Flask-Security's {@code
 * user_confirmed} signal). Fired synchronously and asynchronously after the change is committed.
 *
 * <pre>{@code
 * void onConfirmed(@ObservesAsync UserConfirmed e) { ... }
 * }</pre>
 *
 * @param user the confirmed user
 */
public record UserConfirmed(SecurityUser user) {}
