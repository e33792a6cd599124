package dev.portcullis.impl.throttle;

/**
 * A password or code was checked and was wrong (Portcullis-internal, for the metrics; an
 * application observes {@link dev.portcullis.event.UserLockedOut} instead). Fired for every
 * failure, whether the throttle is on or not; it names no user, address or secret.
 *
 * @param secret what was wrong: {@code password} or {@code code}
 */
public record SecretCheckFailed(String secret) {}
