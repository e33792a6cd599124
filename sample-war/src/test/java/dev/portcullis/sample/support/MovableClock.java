package dev.portcullis.sample.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Test-only clock that tests move forward instead of sleeping (replaces Portcullis' clock). */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableClock {

  private static volatile Duration offset = Duration.ZERO;

  /** When set, the clock stands still there (plus the offset) until reset. */
  private static volatile Instant frozenAt;

  static void move(Duration by) {
    offset = offset.plus(by);
  }

  /** Stops the clock now: time then passes only when a test moves it (waits become exact). */
  static void freeze() {
    frozenAt = Instant.now();
  }

  static void reset() {
    offset = Duration.ZERO;
    frozenAt = null;
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen == null ? Instant.now() : frozen).plus(offset);
      }
    };
  }
}
