package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user signed in with a recovery code in place of their second factor ({@code /mf-recovery};
 * Portcullis, Flask-Security has no signal for it). The code is used up; the event carries none.
 *
 * <pre>{@code
 * void warn(@ObservesAsync RecoveryCodeUsed e) { if (e.remaining() < 2) mailer.fewCodesLeft(e.user()); }
 * }</pre>
 *
 * @param user the user
 * @param remaining how many codes the user has left
 */
public record RecoveryCodeUsed(SecurityUser user, int remaining) {}
