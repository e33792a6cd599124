package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettableClockTest {

  @Test
  void instantWhenNotMovedThenStandsStill() {
    SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");

    assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    assertThat(clock.millis()).isEqualTo(1_714_557_600_000L);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advanceWhenCalledThenMovesByTheDurationAndReturnsNewTime() {
    SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");

    Instant later = clock.advance(Duration.ofDays(1).plusSeconds(1));

    assertThat(later).isEqualTo(Instant.parse("2024-05-02T10:00:01Z"));
    assertThat(clock.instant()).isEqualTo(later);
    assertThat(clock.advance(Duration.ofHours(-1))).isEqualTo("2024-05-02T09:00:01Z");
  }

  @Test
  void setWhenCalledThenAtThatInstant() {
    SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");

    clock.set(Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void withZoneWhenMovedThenViewMovesToo() {
    SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(30));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2024-05-01T10:30:00Z"));
    assertThat(java.time.LocalTime.now(paris)).isEqualTo(java.time.LocalTime.of(12, 30));
  }
}
