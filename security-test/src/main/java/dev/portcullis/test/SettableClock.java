package dev.portcullis.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until the test moves it, so token expiry, login tracking and
 * time stamps are tested without sleeping. Portcullis decides every expiry with an injected {@code
 * Clock}; hand it this one.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");
 * String token = tokens.create(user);            // signed at 10:00
 * clock.advance(Duration.ofDays(1).plusSeconds(1)); // now the token is a day and a second old
 * }</pre>
 *
 * <p>Thread-safe. {@link #withZone} returns a view in another zone that moves together with this
 * clock.
 */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at {@code start}, in UTC. */
  public SettableClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at an ISO-8601 instant such as {@code 2024-05-01T10:00:00Z}, in UTC. */
  public static SettableClock at(String isoInstant) {
    return new SettableClock(Instant.parse(isoInstant));
  }

  /** Moves the clock by {@code duration} (negative moves it back) and returns the new time. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Puts the clock at {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}: moving either moves both. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "SettableClock[" + instant() + ", " + zone + "]";
  }
}
