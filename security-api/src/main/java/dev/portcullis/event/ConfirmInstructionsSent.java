package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * Confirmation instructions were queued for a user (Flask-Security's {@code
 * confirm_instructions_sent} signal). Fired synchronously and asynchronously after the change is
 * committed.
 *
 * <pre>{@code
 * void count(@Observes ConfirmInstructionsSent e) { ... }
 * }</pre>
 *
 * @param user the recipient
 */
public record ConfirmInstructionsSent(SecurityUser user) {}
