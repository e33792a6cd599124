package dev.portcullis.impl.throttle;

import java.time.Instant;
import java.util.Optional;

/**
 * The failures one subject has had lately, as stored.
 *
 * @param failures failed checks since the counter was last forgotten
 * @param lastFailure when the last one happened
 * @param lockedUntil the end of the current or last lockout, if there was one
 */
public record ThrottleCounter(int failures, Instant lastFailure, Optional<Instant> lockedUntil) {}
