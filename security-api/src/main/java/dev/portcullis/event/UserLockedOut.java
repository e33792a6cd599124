package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.time.Instant;

/**
 * Too many wrong passwords or one-time codes were given for a user, who is locked out of that kind
 * of check until {@code until} (Portcullis' own; Flask-Security has no throttle). Fired once per
 * lockout, by the node that counted the failure that caused it; attempts during the lockout answer
 * 429 without checking the secret. Carries no secret and not the address that tried.
 *
 * <pre>{@code
 * void alert(@ObservesAsync UserLockedOut e) { mailer.warn(e.user().email(), e.until()); }
 * }</pre>
 *
 * @param user the user
 * @param secret what was guessed: {@code password} or {@code code} (second-factor and recovery
 *     codes)
 * @param until when the lockout ends
 */
public record UserLockedOut(SecurityUser user, String secret, Instant until) {}
