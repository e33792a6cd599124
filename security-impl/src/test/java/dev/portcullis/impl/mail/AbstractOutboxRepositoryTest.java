package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.spi.MailMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox SQL against a real database with resource-local transactions (one per call, as the
 * container's {@code REQUIRES_NEW} methods of {@link MailOutbox}). One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractOutboxRepositoryTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456Z");
  static final Duration INTERVAL = Duration.ofSeconds(30);
  static final int MAX_ATTEMPTS = 3;
  static final Duration RETENTION = Duration.ofDays(3);

  private final MovingClock clock = new MovingClock();
  private DataSource dataSource;
  private EntityManagerFactory emf;

  abstract SharedTestDatabases.Kind kind();

  @BeforeAll
  void migrate() throws SQLException {
    SharedTestDatabases.Schema schema =
        SharedTestDatabases.migrated(kind(), "portcullis_mail_test");
    dataSource = schema.dataSource();
    emf = Persistence.createEntityManagerFactory("portcullis-test", schema.jpaProperties());
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    clock.now = NOW;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_mail_outbox");
    }
  }

  @Test
  void addWhenStoredThenDueAndClaimableWithSameContent() {
    long id = add("ann@example.com");

    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(id);
    MailMessage claimed = claim(id).orElseThrow();
    assertThat(claimed).isEqualTo(message("ann@example.com"));
  }

  @Test
  void claimWhenClaimedTwiceThenSecondFails() {
    long id = add("ann@example.com");

    assertThat(claim(id)).isPresent();
    assertThat(claim(id)).isEmpty();
    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
  }

  @Test
  void claimWhenLeaseExpiredThenClaimableAgain() {
    long id = add("ann@example.com");
    claim(id);

    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).minusSeconds(1);
    assertThat(claim(id)).isEmpty();
    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);
    assertThat(claim(id)).isPresent();
  }

  @Test
  void claimWhenExpiredClaimTakenOverThenOneUnconfirmedDeliveryCounted() throws SQLException {
    long id = add("ann@example.com");
    claim(id);
    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);

    assertThat(claim(id)).isPresent();

    assertThat(column(id, "unconfirmed")).isEqualTo("1");
    assertThat(column(id, "attempts")).isEqualTo("2");
  }

  @Test
  void claimWhenSecondClaimAlsoExpiredThenNeverClaimedAgainAndGivenUp() throws SQLException {
    long id = add("ann@example.com");
    claim(id);
    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);
    claim(id);
    clock.now = clock.now.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);

    // Two senders stopped holding it: either may have delivered it, so no third send.
    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    assertThat(claim(id)).isEmpty();
    assertThat(this.<Integer>tx(OutboxRepository::giveUpUnconfirmed)).isOne();
    assertThat(column(id, "failed_at")).isNotNull();
    assertThat(column(id, "text_body")).isNull();
    assertThat(column(id, "last_error")).isEqualTo(OutboxRepository.UNCONFIRMED_TWICE);
    assertThat(this.<Integer>tx(OutboxRepository::giveUpUnconfirmed)).isZero();
  }

  @Test
  void giveUpUnconfirmedWhenSecondClaimStillHeldOrFailedCleanlyThenLeftAlone() throws SQLException {
    long held = add("ann@example.com");
    long retried = add("bob@example.com");
    claim(held);
    claim(retried);
    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);
    claim(held);
    claim(retried);
    markFailed(retried, "refused", INTERVAL);

    assertThat(this.<Integer>tx(OutboxRepository::giveUpUnconfirmed)).isZero();
    assertThat(column(held, "failed_at")).isNull();
    assertThat(column(retried, "failed_at")).isNull();
    // A clean failure released the claim: the mail is retried, its one unconfirmed send counted.
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(retried);
  }

  @Test
  void claimWhenEveryClaimExpiresThenAttemptsStillRunOut() throws SQLException {
    // A mail whose sending kills the node must not be retried forever.
    long id = add("ann@example.com");
    assertThat(claim(id)).isPresent();
    execute("UPDATE fs_mail_outbox SET unconfirmed = 0, attempts = " + MAX_ATTEMPTS);
    clock.now = NOW.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);

    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    assertThat(giveUp()).isOne();
    assertThat(column(id, "failed_at")).isNotNull();
  }

  @Test
  void backlogWhenSentFailedAndWaitingThenOnlyWaitingCounted() {
    long sent = add("ann@example.com");
    add("bob@example.com");
    long failed = add("cy@example.com");
    claim(sent);
    markSent(sent);
    failEveryAttempt(failed);

    assertThat(this.<Long>tx(OutboxRepository::backlog)).isOne();
  }

  @Test
  void markFailedWhenAttemptFailsThenBackoffDoublesAndClaimReleased() throws SQLException {
    long id = add("ann@example.com");
    claim(id);

    assertThat(markFailed(id, "MailConnectException: refused", INTERVAL)).contains(1);
    assertThat(column(id, "last_error")).isEqualTo("MailConnectException: refused");
    clock.now = NOW.plus(INTERVAL).minusSeconds(1);
    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    clock.now = NOW.plus(INTERVAL);
    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(id);

    Instant second = clock.now;
    claim(id);
    assertThat(markFailed(id, "again", INTERVAL)).contains(2);
    clock.now = second.plus(INTERVAL.multipliedBy(2)).minusSeconds(1);
    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    clock.now = second.plus(INTERVAL.multipliedBy(2));
    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(id);
  }

  @Test
  void dueWhenMaxAttemptsReachedThenNeverPickedAgainEvenWithHigherLimit() throws SQLException {
    long id = add("ann@example.com");
    failEveryAttempt(id);

    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    assertThat(column(id, "attempts")).isEqualTo(String.valueOf(MAX_ATTEMPTS));
    // Raising the limit later must not send a mail whose body is gone.
    assertThat(due(MAX_ATTEMPTS + 1, 10)).isEmpty();
    assertThat(markFailed(id, "late", INTERVAL)).isEmpty();
  }

  @Test
  void markFailedWhenLastAttemptFailsThenBodiesDroppedAtOnce() throws SQLException {
    long id = add("ann@example.com");
    failEveryAttempt(id);

    // The bodies hold live confirmation and reset links: gone as soon as the outbox gives up.
    assertThat(column(id, "text_body")).isNull();
    assertThat(column(id, "html_body")).isNull();
    assertThat(column(id, "last_error")).isEqualTo("down");
    assertThat(column(id, "failed_at")).isNotNull();
    assertThat(claim(id)).isEmpty();
  }

  @Test
  void markFailedWhenAttemptsLeftThenBodiesKept() throws SQLException {
    long id = add("ann@example.com");
    claim(id);

    markFailed(id, "down", INTERVAL);

    assertThat(column(id, "text_body")).isEqualTo("text body");
    assertThat(column(id, "html_body")).isEqualTo("<p>html</p>");
    assertThat(column(id, "failed_at")).isNull();
  }

  @Test
  void purgeFailedWhenFailedLongerThanRetentionThenDeletedOthersKept() throws SQLException {
    long failed = add("ann@example.com");
    failEveryAttempt(failed);
    Instant gaveUp = clock.now.minus(Duration.ofHours(2));
    long pending = add("bob@example.com");
    long sent = add("cy@example.com");
    claim(sent);
    markSent(sent);

    clock.now = gaveUp.plus(RETENTION);
    assertThat(purgeFailed()).isZero();
    assertThat(count(failed)).isOne();
    clock.now = gaveUp.plus(RETENTION).plusSeconds(1);
    assertThat(purgeFailed()).isOne();

    assertThat(count(failed)).isZero();
    assertThat(count(pending)).isOne();
    assertThat(count(sent)).isOne();
  }

  @Test
  void giveUpWhenRowOutOfAttemptsStillHasBodiesThenBodiesDroppedAndExpiresLater()
      throws SQLException {
    // As left by a version without failed_at, or by a lowered security.mail_max_attempts.
    long old = add("ann@example.com");
    long pending = add("bob@example.com");
    execute("UPDATE fs_mail_outbox SET attempts = " + MAX_ATTEMPTS + " WHERE id = " + old);

    assertThat(giveUp()).isOne();

    assertThat(column(old, "text_body")).isNull();
    assertThat(column(old, "html_body")).isNull();
    assertThat(column(old, "failed_at")).isNotNull();
    assertThat(column(pending, "text_body")).isEqualTo("text body");
    assertThat(giveUp()).isZero();
    clock.now = NOW.plus(RETENTION).plusSeconds(1);
    assertThat(purgeFailed()).isOne();
    assertThat(count(old)).isZero();
  }

  @Test
  void giveUpWhenRowClaimedThenLeftToItsSender() throws SQLException {
    long id = add("ann@example.com");
    claim(id);
    execute("UPDATE fs_mail_outbox SET attempts = " + MAX_ATTEMPTS + " WHERE id = " + id);

    assertThat(giveUp()).isZero();
    assertThat(column(id, "text_body")).isEqualTo("text body");
  }

  private void failEveryAttempt(long id) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      assertThat(claim(id)).isPresent();
      markFailed(id, "down", INTERVAL);
      clock.now = clock.now.plus(Duration.ofHours(2));
    }
  }

  private int count(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM fs_mail_outbox WHERE id = " + id)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void markSentWhenSentThenNeverPickedOrClaimedAgainAndBodiesCleared() throws SQLException {
    long id = add("ann@example.com");
    claim(id);

    assertThat(markSent(id)).isTrue();
    assertThat(markSent(id)).isFalse();
    clock.now = NOW.plus(Duration.ofDays(1));
    assertThat(due(MAX_ATTEMPTS, 10)).isEmpty();
    assertThat(claim(id)).isEmpty();
    assertThat(markFailed(id, "late", INTERVAL)).isEmpty();
    assertThat(column(id, "text_body")).isNull();
    assertThat(column(id, "html_body")).isNull();
    assertThat(column(id, "sent_at")).isNotNull();
  }

  @Test
  void purgeSentWhenOlderThanRetentionThenDeletedUnsentKept() {
    long sent = add("ann@example.com");
    long unsent = add("bob@example.com");
    claim(sent);
    markSent(sent);

    clock.now = NOW.plus(OutboxRepository.KEEP_SENT).minusSeconds(1);
    assertThat(purgeSent()).isZero();
    clock.now = NOW.plus(OutboxRepository.KEEP_SENT).plusSeconds(1);
    assertThat(purgeSent()).isEqualTo(1);
    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(unsent);
  }

  @Test
  void dueWhenSeveralThenOldestFirstAndLimited() {
    long first = add("a@example.com");
    clock.now = NOW.plusSeconds(1);
    long second = add("b@example.com");
    clock.now = NOW.plusSeconds(2);
    add("c@example.com");

    assertThat(due(MAX_ATTEMPTS, 2)).containsExactly(first, second);
  }

  @Test
  void addWhenBodiesLargeThenStoredWhole() {
    String big = "x".repeat(200_000) + "\u00e9\u4e2d";
    MailMessage large = new MailMessage("no-reply@localhost", "ann@example.com", "S", big, big);
    long id = this.<Long>tx(r -> r.add(large));

    MailMessage claimed = claim(id).orElseThrow();
    assertThat(claimed.textBody()).isEqualTo(big);
    assertThat(claimed.htmlBody()).isEqualTo(big);
  }

  @Test
  void discardWhenInTheTransactionThatAddedThenNothingLeftOrDue() throws SQLException {
    long kept = add("ann@example.com");
    this.<Void>tx(
        r -> {
          r.discard(r.add(message("decoy@example.com")));
          return null;
        });

    assertThat(due(MAX_ATTEMPTS, 10)).containsExactly(kept);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM fs_mail_outbox")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void backoffWhenManyAttemptsThenCappedAtOneHour() {
    assertThat(OutboxRepository.backoff(INTERVAL, 1)).isEqualTo(INTERVAL);
    assertThat(OutboxRepository.backoff(INTERVAL, 3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(OutboxRepository.backoff(INTERVAL, 50)).isEqualTo(Duration.ofHours(1));
    assertThat(OutboxRepository.backoff(Duration.ofHours(2), 5)).isEqualTo(Duration.ofHours(2));
  }

  private List<Long> due(int maxAttempts, int limit) {
    return this.<List<Long>>tx(r -> r.due(maxAttempts, limit));
  }

  private Optional<MailMessage> claim(long id) {
    return this.<Optional<MailMessage>>tx(r -> r.claim(id));
  }

  private boolean markSent(long id) {
    return this.<Boolean>tx(r -> r.markSent(id));
  }

  private Optional<Integer> markFailed(long id, String reason, Duration interval) {
    return this.<Optional<Integer>>tx(r -> r.markFailed(id, reason, interval, MAX_ATTEMPTS));
  }

  private int purgeSent() {
    return this.<Integer>tx(OutboxRepository::purgeSent);
  }

  private int purgeFailed() {
    return this.<Integer>tx(r -> r.purgeFailed(RETENTION));
  }

  private int giveUp() {
    return this.<Integer>tx(r -> r.giveUp(MAX_ATTEMPTS));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private long add(String to) {
    return this.<Long>tx(r -> r.add(message(to)));
  }

  private static MailMessage message(String to) {
    return new MailMessage(
        "Portcullis <no-reply@localhost>", to, "Subject \u00e9", "text body", "<p>html</p>");
  }

  private <T> T tx(Function<OutboxRepository, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(new OutboxRepository(em, clock));
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private String column(long id, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + name + " FROM fs_mail_outbox WHERE id = " + id)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** A clock the test sets. */
  private static final class MovingClock extends Clock {
    Instant now = NOW;

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
