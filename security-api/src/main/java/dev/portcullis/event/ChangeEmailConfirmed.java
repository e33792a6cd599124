package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user confirmed a new email address (Flask-Security 5.5's {@code change_email_confirmed}
 * signal). Fired synchronously and asynchronously after the change is committed.
 *
 * <pre>{@code
 * void onChanged(@ObservesAsync ChangeEmailConfirmed e) { ... }
 * }</pre>
 *
 * @param user the user, with the new email
 * @param oldEmail the previous address
 */
public record ChangeEmailConfirmed(SecurityUser user, String oldEmail) {}
