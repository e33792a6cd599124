package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A password reset was requested and its instructions queued (Flask-Security's {@code
 * reset_password_instructions_sent} signal). Fired synchronously and asynchronously after the
 * change is committed.
 *
 * <pre>{@code
 * void count(@Observes ResetPasswordInstructionsSent e) { ... }
 * }</pre>
 *
 * @param user the user
 */
public record ResetPasswordInstructionsSent(SecurityUser user) {}
