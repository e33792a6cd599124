package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A confirmation link for a new email address was queued (Flask-Security 5.5's {@code
 * change_email_instructions_sent} signal, without the token). Fired synchronously and
 * asynchronously after the change is committed.
 *
 * <pre>{@code
 * void onRequest(@Observes ChangeEmailInstructionsSent e) { ... }
 * }</pre>
 *
 * @param user the user, still with the old email
 * @param newEmail the requested address
 */
public record ChangeEmailInstructionsSent(SecurityUser user, String newEmail) {}
