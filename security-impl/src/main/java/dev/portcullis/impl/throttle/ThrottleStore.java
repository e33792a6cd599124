package dev.portcullis.impl.throttle;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the throttle's counters live: in the database by default ({@link JpaThrottleStore}), so
 * that every node behind a load balancer counts together. An application may replace it with an
 * {@code @Alternative @Priority(...)} bean (a clustered cache, say); it must apply {@link #update}
 * atomically across nodes.
 */
public interface ThrottleStore {

  /** The counter of {@code subject}, if it has one. */
  Optional<ThrottleCounter> find(String subject);

  /**
   * Replaces the counter of {@code subject} by {@code change} of it, atomically: no other update of
   * the same subject, on any node, happens in between.
   *
   * @return the new counter
   */
  ThrottleCounter update(
      String subject, Function<Optional<ThrottleCounter>, ThrottleCounter> change);

  /** Forgets the counter of {@code subject} (a right password). */
  void forget(String subject);

  /** Forgets every counter whose last failure was before {@code before} and is not locked then. */
  int forgetOlderThan(Instant before);
}
