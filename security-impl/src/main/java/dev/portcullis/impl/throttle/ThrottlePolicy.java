package dev.portcullis.impl.throttle;

import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of the throttle, as pure functions of a {@link ThrottleCounter} and the time: the first
 * {@code freeFailures} failures are answered at once; after them an attempt must wait {@code delay}
 * after the last failure, doubled with each further failure (a growing wait instead of a sleeping
 * server thread, which would let an attacker hold threads); {@code lockoutFailures} failures lock
 * the subject for {@code lockout}. Failures are forgotten once the last is older than {@code
 * window} and no lockout is running.
 *
 * <p>Attempts are refused before the secret is checked, so a refused attempt costs no hash, learns
 * nothing (not even whether the secret was right) and counts no further failure.
 */
final class ThrottlePolicy {

  private final ThrottleConfig config;

  ThrottlePolicy(ThrottleConfig config) {
    this.config = config;
  }

  /** Whether a subject with {@code counter} may have a secret checked at {@code now}. */
  ThrottleVerdict decide(Limits limits, Optional<ThrottleCounter> counter, Instant now) {
    Optional<ThrottleCounter> live = counter.filter(c -> !forgotten(c, now));
    if (live.isEmpty()) {
      return ThrottleVerdict.ALLOWED;
    }
    ThrottleCounter c = live.get();
    if (c.lockedUntil().isPresent() && now.isBefore(c.lockedUntil().get())) {
      return refused(Duration.between(now, c.lockedUntil().get()), true);
    }
    if (c.failures() < limits.freeFailures()) {
      return ThrottleVerdict.ALLOWED;
    }
    Instant next = c.lastFailure().plus(wait(limits, c.failures()));
    return now.isBefore(next)
        ? refused(Duration.between(now, next), false)
        : ThrottleVerdict.ALLOWED;
  }

  /** The counter after one more failure at {@code now}; locked when it reaches the limit. */
  ThrottleCounter afterFailure(Limits limits, Optional<ThrottleCounter> counter, Instant now) {
    int failures = counter.filter(c -> !forgotten(c, now)).map(ThrottleCounter::failures).orElse(0);
    int next = failures + 1;
    Optional<Instant> lockedUntil = counter.flatMap(ThrottleCounter::lockedUntil);
    if (next >= limits.lockoutFailures()) {
      lockedUntil = Optional.of(now.plus(config.lockout()));
    }
    return new ThrottleCounter(next, now, lockedUntil);
  }

  /** Whether {@code after} is a lockout that {@code before} was not in at {@code now}. */
  static boolean newlyLocked(Optional<ThrottleCounter> before, ThrottleCounter after, Instant now) {
    boolean lockedBefore =
        before.flatMap(ThrottleCounter::lockedUntil).filter(now::isBefore).isPresent();
    return !lockedBefore && after.lockedUntil().filter(now::isBefore).isPresent();
  }

  /** The wait after {@code failures} failures: {@code delay} doubled per failure past the free. */
  Duration wait(Limits limits, int failures) {
    int doublings = Math.min(failures - limits.freeFailures(), 30);
    Duration wait = config.delay().multipliedBy(1L << doublings);
    return wait.compareTo(config.lockout()) > 0 ? config.lockout() : wait;
  }

  private boolean forgotten(ThrottleCounter counter, Instant now) {
    boolean locked = counter.lockedUntil().filter(now::isBefore).isPresent();
    return !locked && !now.isBefore(counter.lastFailure().plus(config.window()));
  }

  private static ThrottleVerdict refused(Duration wait, boolean lockedOut) {
    Duration atLeastASecond = Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    return new ThrottleVerdict.Refused(atLeastASecond, lockedOut);
  }
}
