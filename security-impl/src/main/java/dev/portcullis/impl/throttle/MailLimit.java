package dev.portcullis.impl.throttle;

import dev.portcullis.impl.throttle.ThrottleConfig.MailLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bound of mail-sending requests: a fixed window per subject, {@code limit} requests in it, the
 * window starting over {@code period} after its first request. Stored in the throttle's counters
 * ({@link ThrottleCounter#failures()} = requests in the window, {@link
 * ThrottleCounter#lastFailure()} = the window's start). A refused request is not counted.
 */
final class MailLimit {

  private final MailLimits limits;

  MailLimit(MailLimits limits) {
    this.limits = limits;
  }

  /** The wait when {@code counter} has used up {@code limit} at {@code now}, else empty. */
  Optional<Duration> refusal(Optional<ThrottleCounter> counter, int limit, Instant now) {
    Optional<ThrottleCounter> current = counter.filter(c -> now.isBefore(end(c)));
    if (current.isEmpty() || current.get().failures() < limit) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, end(current.get()));
    return Optional.of(Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000)));
  }

  /** The counter after one more request at {@code now}. */
  ThrottleCounter afterRequest(Optional<ThrottleCounter> counter, Instant now) {
    return counter
        .filter(c -> now.isBefore(end(c)))
        .map(c -> new ThrottleCounter(c.failures() + 1, c.lastFailure(), Optional.empty()))
        .orElseGet(() -> new ThrottleCounter(1, now, Optional.empty()));
  }

  private Instant end(ThrottleCounter counter) {
    return counter.lastFailure().plus(limits.period());
  }
}
