package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * With generic responses on, a registration for an email or username that is already taken was
 * answered like a success (Flask-Security's {@code user_not_registered} signal). Fired
 * synchronously and asynchronously after the change is committed.
 *
 * <pre>{@code
 * void watch(@Observes UserNotRegistered e) { audit.log("duplicate registration"); }
 * }</pre>
 *
 * @param existingUser the account owning the email, or {@code null} when only the username was
 *     taken
 * @param existingEmail whether the email was taken
 * @param existingUsername whether the username was taken
 */
public record UserNotRegistered(
    SecurityUser existingUser, boolean existingEmail, boolean existingUsername) {}
