package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user generated a new set of multi-factor recovery codes, replacing any old ones ({@code
 * /mf-recovery-codes}; Portcullis, Flask-Security has no signal for it). Carries no code.
 *
 * <pre>{@code
 * void notify(@ObservesAsync RecoveryCodesGenerated e) { mailer.securityNotice(e.user()); }
 * }</pre>
 *
 * @param user the user
 * @param count how many codes the new set has
 */
public record RecoveryCodesGenerated(SecurityUser user, int count) {}
