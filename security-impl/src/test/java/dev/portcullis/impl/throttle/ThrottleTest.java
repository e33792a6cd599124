package dev.portcullis.impl.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.UserLockedOut;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import dev.portcullis.spi.UserRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The throttle over its real SQL on H2 ({@link ThrottleRepository} in resource-local transactions,
 * one per call as the container's {@code REQUIRES_NEW} methods of {@link JpaThrottleStore}), with a
 * clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final ThrottleConfig CONFIG =
      new ThrottleConfig(
          true,
          new Limits(2, 4),
          new Limits(5, 8),
          Duration.ofSeconds(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          new ThrottleConfig.MailLimits(2, 3, Duration.ofHours(1)),
          0);

  private final MovingClock clock = new MovingClock();
  private final List<Object> events = new ArrayList<>();
  private final List<SecretCheckFailed> failures = new ArrayList<>();
  private EntityManagerFactory emf;
  private SharedTestDatabases.Schema schema;
  private Throttle throttle;

  @BeforeAll
  void migrate() throws SQLException {
    schema = SharedTestDatabases.migrated(SharedTestDatabases.Kind.H2, "portcullis_throttle_test");
    emf = Persistence.createEntityManagerFactory("portcullis-test", schema.jpaProperties());
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @BeforeEach
  void fresh() throws SQLException {
    try (Connection c = schema.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_throttle");
    }
    clock.now = T0;
    events.clear();
    failures.clear();
    EventPublisher publisher =
        new EventPublisher() {
          @Override
          public void publish(Object event) {
            if (event instanceof SecretCheckFailed failure) {
              failures.add(failure);
            } else {
              events.add(event);
            }
          }
        };
    throttle = new Throttle(CONFIG, new H2Store(), clock, publisher);
  }

  @Test
  void checkWhenAccountFailedUpToTheLockoutThenRefusedAndOneEventFired() {
    ThrottleSubject ann = ThrottleSubject.password(user(7));
    ThrottleSubject address = ThrottleSubject.address("192.0.2.1");
    for (int i = 0; i < 4; i++) {
      waitIfRefused(ann, address);
      throttle.recordFailure(ann, address);
    }

    ThrottleVerdict verdict = throttle.check(ann, address);

    assertThat(verdict).isInstanceOf(ThrottleVerdict.Refused.class);
    assertThat(((ThrottleVerdict.Refused) verdict).lockedOut()).isTrue();
    assertThat(events).hasSize(1);
    UserLockedOut locked = (UserLockedOut) events.get(0);
    assertThat(locked.user().id()).isEqualTo(7);
    assertThat(locked.secret()).isEqualTo("password");
    assertThat(locked.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    throttle.recordFailure(ann, address);
    assertThat(events).as("no second event during the lockout").hasSize(1);
  }

  @Test
  void checkWhenLockoutOverThenAllowedAgain() {
    ThrottleSubject ann = ThrottleSubject.password(user(7));
    for (int i = 0; i < 4; i++) {
      waitIfRefused(ann);
      throttle.recordFailure(ann);
    }
    clock.now = clock.now.plus(Duration.ofMinutes(15));

    assertThat(throttle.check(ann)).isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void recordSuccessWhenAccountHadFailuresThenForgottenButAddressStillCounts() {
    ThrottleSubject ann = ThrottleSubject.password(user(7));
    ThrottleSubject address = ThrottleSubject.address("192.0.2.1");
    throttle.recordFailure(ann, address);
    throttle.recordFailure(ann, address);
    assertThat(throttle.check(ann)).isInstanceOf(ThrottleVerdict.Refused.class);

    throttle.recordSuccess(ann);
    throttle.recordSuccess(address);

    assertThat(throttle.check(ann)).isEqualTo(ThrottleVerdict.ALLOWED);
    assertThat(new H2Store().find(address.key()).orElseThrow().failures()).isEqualTo(2);
  }

  @Test
  void checkWhenOneAddressTriedManyAccountsThenTheAddressIsRefused() {
    ThrottleSubject address = ThrottleSubject.address("198.51.100.9");
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(ThrottleSubject.unknownIdentity("user" + i + "@example.com"), address);
    }

    ThrottleVerdict verdict =
        throttle.check(ThrottleSubject.unknownIdentity("fresh@example.com"), address);

    assertThat(verdict).isEqualTo(new ThrottleVerdict.Refused(Duration.ofSeconds(10), false));
  }

  @Test
  void checkWhenUnknownIdentityFailedLikeAnAccountThenSameVerdict() {
    ThrottleSubject known = ThrottleSubject.password(user(7));
    ThrottleSubject unknown = ThrottleSubject.unknownIdentity("Nobody@Example.com ");
    for (int i = 0; i < 4; i++) {
      waitIfRefused(known, unknown);
      throttle.recordFailure(known);
      throttle.recordFailure(ThrottleSubject.unknownIdentity("nobody@example.com"));
    }

    assertThat(throttle.check(unknown)).isEqualTo(throttle.check(known));
    assertThat(events).as("no event for an identity nobody has").hasSize(1);
  }

  @Test
  void checkWhenPasswordFailuresCountedThenCodesOfTheSameUserUnaffected() {
    ThrottleSubject password = ThrottleSubject.password(user(7));
    throttle.recordFailure(password);
    throttle.recordFailure(password);

    assertThat(throttle.check(ThrottleSubject.codes(user(7)))).isEqualTo(ThrottleVerdict.ALLOWED);
  }

  @Test
  void unknownIdentityWhenStoredThenOnlyItsHashIsKept() {
    ThrottleSubject unknown = ThrottleSubject.unknownIdentity("typed-a-password-here");

    assertThat(unknown.key()).doesNotContain("typed-a-password-here").startsWith("password:");
  }

  @Test
  void checkWhenDisabledThenNothingCountedOrRefused() {
    ThrottleConfig off =
        new ThrottleConfig(
            false,
            CONFIG.account(),
            CONFIG.address(),
            CONFIG.delay(),
            CONFIG.lockout(),
            CONFIG.window(),
            CONFIG.mail(),
            0);
    List<Object> told = new ArrayList<>();
    Throttle disabled =
        new Throttle(
            off,
            new H2Store(),
            clock,
            new EventPublisher() {
              @Override
              public void publish(Object event) {
                told.add(event);
              }
            });
    ThrottleSubject ann = ThrottleSubject.password(user(7));
    for (int i = 0; i < 10; i++) {
      disabled.recordFailure(ann);
    }

    assertThat(disabled.check(ann)).isEqualTo(ThrottleVerdict.ALLOWED);
    assertThat(new H2Store().find(ann.key())).isEmpty();
    // The metrics still count wrong passwords when the throttle is off.
    assertThat(told).hasSize(10).allMatch(new SecretCheckFailed("password")::equals);
  }

  @Test
  void recordFailureWhenPasswordOrCodeWrongThenSecretCheckFailedNamesOnlyTheKind() {
    throttle.recordFailure(ThrottleSubject.password(user(8)), ThrottleSubject.address("10.0.0.8"));
    throttle.recordFailure(ThrottleSubject.codes(user(8)));

    assertThat(failures)
        .containsExactly(new SecretCheckFailed("password"), new SecretCheckFailed("code"));
  }

  @Test
  void requestMailWhenAccountLimitReachedThenRefusedUntilThePeriodEnds() {
    ThrottleSubject ann = ThrottleSubject.mailTo("ann@example.com");
    ThrottleSubject address = ThrottleSubject.mailFrom("192.0.2.1");
    assertThat(throttle.requestMail(ann, address)).isEmpty();
    assertThat(throttle.requestMail(ann, address)).isEmpty();
    clock.now = T0.plus(Duration.ofMinutes(20));

    assertThat(throttle.requestMail(ThrottleSubject.mailTo(" ANN@example.com"), address))
        .contains(Duration.ofMinutes(40));
    clock.now = T0.plus(Duration.ofHours(1));
    assertThat(throttle.requestMail(ann, address)).as("a new period").isEmpty();
  }

  @Test
  void requestMailWhenAddressLimitReachedThenRefusedForAnyEmail() {
    ThrottleSubject address = ThrottleSubject.mailFrom("198.51.100.1");
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.requestMail(ThrottleSubject.mailTo(i + "@example.com"), address))
          .isEmpty();
    }

    assertThat(throttle.requestMail(ThrottleSubject.mailTo("fresh@example.com"), address))
        .contains(Duration.ofHours(1));
    assertThat(
            throttle.requestMail(
                ThrottleSubject.mailTo("fresh@example.com"),
                ThrottleSubject.mailFrom("198.51.100.2")))
        .isEmpty();
  }

  @Test
  void requestMailWhenOneAccountMailsManyAddressesThenRefusedAndTheRestNotCounted() {
    ThrottleSubject account = ThrottleSubject.mailOf(user(8));
    ThrottleSubject address = ThrottleSubject.mailFrom("192.0.2.20");
    for (String email : new String[] {"a@example.com", "b@example.com"}) {
      assertThat(throttle.requestMail(account, ThrottleSubject.mailTo(email), address)).isEmpty();
    }

    ThrottleSubject third = ThrottleSubject.mailTo("c@example.com");
    assertThat(throttle.requestMail(account, third, address)).contains(Duration.ofHours(1));
    assertThat(new H2Store().find(third.key())).as("after the refusal: not counted").isEmpty();
    assertThat(new H2Store().find(address.key()).orElseThrow().failures()).isEqualTo(2);
  }

  @Test
  void requestMailWhenRefusedThenTheRefusalIsNotCounted() {
    ThrottleSubject ann = ThrottleSubject.mailTo("ann@example.com");
    ThrottleSubject address = ThrottleSubject.mailFrom("192.0.2.9");
    for (int i = 0; i < 5; i++) {
      throttle.requestMail(ann, address);
    }

    assertThat(new H2Store().find(ann.key()).orElseThrow().failures()).isEqualTo(2);
    assertThat(new H2Store().find(address.key()).orElseThrow().failures()).isEqualTo(2);
  }

  private void waitIfRefused(ThrottleSubject... subjects) {
    if (throttle.check(subjects) instanceof ThrottleVerdict.Refused refused) {
      clock.now = clock.now.plus(refused.retryAfter());
    }
  }

  private static UserRecord user(long id) {
    return new UserRecord(
        id,
        "ann@example.com",
        null,
        null,
        true,
        "uid",
        null,
        null,
        T0,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        T0,
        T0);
  }

  /** {@link JpaThrottleStore}'s methods, each in a resource-local transaction. */
  private final class H2Store implements ThrottleStore {

    @Override
    public Optional<ThrottleCounter> find(String subject) {
      return tx(r -> r.find(subject, false));
    }

    @Override
    public ThrottleCounter update(
        String subject, Function<Optional<ThrottleCounter>, ThrottleCounter> change) {
      return tx(r -> r.update(subject, change));
    }

    @Override
    public void forget(String subject) {
      tx(
          r -> {
            r.forget(subject);
            return null;
          });
    }

    @Override
    public int forgetOlderThan(Instant before) {
      return tx(r -> r.forgetOlderThan(before));
    }

    private <T> T tx(Function<ThrottleRepository, T> work) {
      EntityManager em = emf.createEntityManager();
      EntityTransaction tx = em.getTransaction();
      try {
        tx.begin();
        T result = work.apply(new ThrottleRepository(em));
        tx.commit();
        return result;
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
        em.close();
      }
    }
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
