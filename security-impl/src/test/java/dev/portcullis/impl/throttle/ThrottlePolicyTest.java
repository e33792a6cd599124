package dev.portcullis.impl.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The throttle's rules with the defaults (5 free, lockout at 10, 1 s doubling, 15 min), in time.
 */
class ThrottlePolicyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Limits ACCOUNT = new Limits(5, 10);
  private static final ThrottleConfig CONFIG =
      new ThrottleConfig(
          true,
          ACCOUNT,
          new Limits(20, 100),
          Duration.ofSeconds(1),
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          new ThrottleConfig.MailLimits(2, 3, Duration.ofHours(1)),
          0);

  private final ThrottlePolicy policy = new ThrottlePolicy(CONFIG);

  /**
   * {@code failures} failures, each when it was allowed, starting at {@code T0}; returns the last.
   */
  private ThrottleCounter failAsSoonAsAllowed(int failures) {
    Optional<ThrottleCounter> counter = Optional.empty();
    Instant now = T0;
    for (int i = 0; i < failures; i++) {
      ThrottleVerdict verdict = policy.decide(ACCOUNT, counter, now);
      if (verdict instanceof ThrottleVerdict.Refused refused) {
        now = now.plus(refused.retryAfter());
      }
      counter = Optional.of(policy.afterFailure(ACCOUNT, counter, now));
    }
    return counter.orElseThrow();
  }

  @Test
  void decideWhenNoCounterThenAllowed() {
    assertThat(policy.decide(ACCOUNT, Optional.empty(), T0)).isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void decideWhenFewerFailuresThanFreeThenAllowedAtOnce() {
    ThrottleCounter four = new ThrottleCounter(4, T0, Optional.empty());

    assertThat(policy.decide(ACCOUNT, Optional.of(four), T0)).isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void decideWhenFreeFailuresUsedThenWaitDoublesWithEachFailure() {
    for (int failures = 5; failures < 10; failures++) {
      ThrottleCounter counter = new ThrottleCounter(failures, T0, Optional.empty());
      Duration expected = Duration.ofSeconds(1L << (failures - 5));

      assertThat(policy.decide(ACCOUNT, Optional.of(counter), T0))
          .as("after %d failures", failures)
          .isEqualTo(new ThrottleVerdict.Refused(expected, false));
      assertThat(policy.decide(ACCOUNT, Optional.of(counter), T0.plus(expected)))
          .as("once the wait is over")
          .isEqualTo(ThrottleVerdict.ALLOWED);
    }
  }

  @Test
  void afterFailureWhenLockoutFailuresReachedThenLockedForTheLockout() {
    ThrottleCounter tenth = failAsSoonAsAllowed(10);
    Instant lastFailure = tenth.lastFailure();

    assertThat(tenth.failures()).isEqualTo(10);
    assertThat(tenth.lockedUntil()).contains(lastFailure.plus(Duration.ofMinutes(15)));
    assertThat(policy.decide(ACCOUNT, Optional.of(tenth), lastFailure.plusSeconds(60)))
        .isEqualTo(new ThrottleVerdict.Refused(Duration.ofMinutes(14), true));
    assertThat(policy.decide(ACCOUNT, Optional.of(tenth), lastFailure.plus(Duration.ofMinutes(15))))
        .as("the lockout is over")
        .isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void afterFailureWhenLockoutOverAndWindowNotThenLockedAgainAtOnce() {
    ThrottlePolicy longWindow =
        new ThrottlePolicy(
            new ThrottleConfig(
                true,
                ACCOUNT,
                CONFIG.address(),
                CONFIG.delay(),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                CONFIG.mail(),
                0));
    ThrottleCounter tenth =
        new ThrottleCounter(10, T0, Optional.of(T0.plus(Duration.ofMinutes(15))));
    Instant later = tenth.lockedUntil().orElseThrow().plusSeconds(1);

    assertThat(longWindow.decide(ACCOUNT, Optional.of(tenth), later))
        .isEqualTo(ThrottleVerdict.ALLOWED);
    ThrottleCounter eleventh = longWindow.afterFailure(ACCOUNT, Optional.of(tenth), later);

    assertThat(eleventh.lockedUntil()).contains(later.plus(Duration.ofMinutes(15)));
    assertThat(ThrottlePolicy.newlyLocked(Optional.of(tenth), eleventh, later)).isTrue();
  }

  @Test
  void afterFailureWhenLockoutAndWindowOverThenCountingStartsAgain() {
    ThrottleCounter tenth = failAsSoonAsAllowed(10);
    Instant later = tenth.lockedUntil().orElseThrow().plusSeconds(1);

    ThrottleCounter next = policy.afterFailure(ACCOUNT, Optional.of(tenth), later);

    assertThat(next.failures()).isEqualTo(1);
    assertThat(policy.decide(ACCOUNT, Optional.of(next), later)).isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void afterFailureWhenLastFailureOlderThanTheWindowThenCountingStartsAgain() {
    ThrottleCounter five = new ThrottleCounter(5, T0, Optional.empty());
    Instant muchLater = T0.plus(Duration.ofMinutes(15));

    assertThat(policy.decide(ACCOUNT, Optional.of(five), muchLater))
        .isEqualTo(ThrottleVerdict.ALLOWED);
    assertThat(policy.afterFailure(ACCOUNT, Optional.of(five), muchLater).failures()).isEqualTo(1);
  }

  @Test
  void waitWhenManyFailuresPastTheFreeThenNeverLongerThanTheLockout() {
    Limits lenient = new Limits(1, 1000);

    assertThat(policy.wait(lenient, 999)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void decideWhenWaitHasMillisecondsLeftThenRetryAfterRoundsUpToWholeSeconds() {
    ThrottleCounter counter = new ThrottleCounter(5, T0, Optional.empty());

    assertThat(policy.decide(ACCOUNT, Optional.of(counter), T0.plusMillis(999)))
        .isEqualTo(new ThrottleVerdict.Refused(Duration.ofSeconds(1), false));
  }

  @Test
  void newlyLockedWhenAlreadyLockedThenFalse() {
    ThrottleCounter tenth = failAsSoonAsAllowed(10);
    Instant during = tenth.lastFailure().plusSeconds(1);
    ThrottleCounter again = policy.afterFailure(ACCOUNT, Optional.of(tenth), during);

    assertThat(ThrottlePolicy.newlyLocked(Optional.of(tenth), again, during)).isFalse();
  }
}
