package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.impl.persistence.StandaloneStores;
import dev.portcullis.impl.totp.TotpCheck;
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
 * The two-factor SQL against a real database with resource-local transactions (one per call, as the
 * container's {@code REQUIRES_NEW} methods of {@link JpaTwoFactorStore}). One subclass per
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTwoFactorRepositoryTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
  static final Duration PERIOD = Duration.ofMinutes(15);
  static final long ANN = 501;
  static final long BOB = 502;
  static final long NOBODY = 999;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private DataSource dataSource;
  private EntityManagerFactory emf;

  abstract SharedTestDatabases.Kind kind();

  /** The persistence unit: EclipseLink's unless a subclass runs Hibernate. */
  String persistenceUnit() {
    return "portcullis-test";
  }

  /**
   * The provider's extra properties: here, its statements reported to {@link ExecutedStatements}.
   */
  java.util.Map<String, Object> providerProperties() {
    return java.util.Map.of("eclipselink.session-event-listener", StatementLog.class.getName());
  }

  @BeforeAll
  void migrate() throws SQLException {
    SharedTestDatabases.Schema schema = SharedTestDatabases.migrated(kind(), "portcullis_tf_test");
    dataSource = schema.dataSource();
    java.util.Map<String, Object> jpa = new java.util.HashMap<>(schema.jpaProperties());
    jpa.putAll(providerProperties());
    emf = Persistence.createEntityManagerFactory(persistenceUnit(), jpa);
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @BeforeEach
  void oneUser() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_user");
      s.executeUpdate("DELETE FROM fs_mf_used_step");
      s.executeUpdate("DELETE FROM fs_mf_code_send");
      s.executeUpdate("DELETE FROM fs_mf_address_send");
      s.executeUpdate("UPDATE fs_mf_stand_in_send SET period_start = 0, sent = 0");
      s.executeUpdate(
          "INSERT INTO fs_user (id, email, active, fs_uniquifier) VALUES ("
              + ANN
              + ", 'ann@example.com', TRUE, 'ann-uniquifier')");
      s.executeUpdate(
          "INSERT INTO fs_user (id, email, active, fs_uniquifier) VALUES ("
              + BOB
              + ", 'bob@example.com', TRUE, 'bob-uniquifier')");
    }
  }

  @Test
  void setUpWhenUserExistsThenColumnsWrittenAndStepRecorded() throws SQLException {
    assertThat(this.<Boolean>tx(r -> r.setUp(ANN, "sms", "{secret}", "+16502530000", 100)))
        .isTrue();

    assertThat(column("tf_primary_method")).isEqualTo("sms");
    assertThat(column("tf_totp_secret")).isEqualTo("{secret}");
    assertThat(column("tf_phone_number")).isEqualTo("+16502530000");
    assertThat(this.<Long>tx(r -> r.lastUsedStep(ANN, "sms"))).isEqualTo(100);
    assertThat(this.<Long>tx(r -> r.lastUsedStep(ANN, "email"))).isEqualTo(TotpCheck.NONE_USED);
  }

  @Test
  void setUpWhenSetUpAgainThenNewSecretsStepReplacesAnOlderOne() {
    this.<Boolean>tx(r -> r.setUp(ANN, "authenticator", "{old}", null, 500));
    this.<Boolean>tx(r -> r.setUp(ANN, "authenticator", "{new}", null, 200));

    assertThat(this.<Long>tx(r -> r.lastUsedStep(ANN, "authenticator"))).isEqualTo(200);
  }

  @Test
  void disableWhenSetUpThenColumnsCleared() throws SQLException {
    this.<Boolean>tx(r -> r.setUp(ANN, "email", "{secret}", null, 1));

    assertThat(this.<Boolean>tx(r -> r.disable(ANN))).isTrue();
    assertThat(column("tf_primary_method")).isNull();
    assertThat(column("tf_totp_secret")).isNull();
    assertThat(this.<Boolean>tx(r -> r.disable(NOBODY))).isFalse();
    assertThat(this.<Boolean>tx(r -> r.setUp(NOBODY, "email", "{secret}", null, 1))).isFalse();
  }

  @Test
  void useStepWhenLaterThanEveryUsedStepThenAcceptedElseRefused() {
    assertThat(this.<Boolean>tx(r -> r.useStep(ANN, "authenticator", 10))).as("first use").isTrue();
    assertThat(this.<Boolean>tx(r -> r.useStep(ANN, "authenticator", 10)))
        .as("the same step again")
        .isFalse();
    assertThat(this.<Boolean>tx(r -> r.useStep(ANN, "authenticator", 9)))
        .as("an older step")
        .isFalse();
    assertThat(this.<Boolean>tx(r -> r.useStep(ANN, "authenticator", 11))).isTrue();
    assertThat(this.<Boolean>tx(r -> r.useStep(ANN, "email", 5))).as("another method").isTrue();
    assertThat(this.<Boolean>tx(r -> r.useStep(NOBODY, "email", 5))).isFalse();
  }

  @Test
  void countSendWhenLimitReachedThenRefusedUntilThePeriodEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, null, NOW, PERIOD, 3)))
          .as("send %d", i + 1)
          .isEmpty();
    }
    Optional<Instant> refused =
        this.<Optional<Instant>>tx(r -> r.countSend(ANN, null, NOW.plusSeconds(60), PERIOD, 3));
    assertThat(refused).contains(NOW.plus(PERIOD));
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, null, NOW.plus(PERIOD), PERIOD, 3)))
        .as("a new period")
        .isEmpty();
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(NOBODY, null, NOW, PERIOD, 3)))
        .isPresent();
  }

  @Test
  void countSendWhenOneAddressReachedItsLimitThenRefusedForEveryUserAndNothingCounted() {
    String phone = "5d41402abc4b2a76b9719d911017c592a8a3b7e1c6f5d7e2f1a0b9c8d7e6f5a4";
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, phone, NOW, PERIOD, 2))).isEmpty();
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(BOB, phone, NOW, PERIOD, 2))).isEmpty();
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(BOB, phone, NOW, PERIOD, 2)))
        .as("a third code to the same number, whoever asks")
        .contains(NOW.plus(PERIOD));
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(BOB, null, NOW, PERIOD, 2)))
        .as("the refused send was not counted against Bob")
        .isEmpty();
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, "other", NOW, PERIOD, 2)))
        .as("another address")
        .isEmpty();
  }

  @Test
  void countSendWhenTwoUsersSendTheFirstCodeToOneAddressAtOnceThenBothCountedAndNeitherFails()
      throws Exception {
    String mail = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<Optional<Instant>>> sends =
          two.invokeAll(
              java.util.List.of(
                  () -> firstSendAsTheStoreDoes(together, ANN, mail),
                  () -> firstSendAsTheStoreDoes(together, BOB, mail)));
      for (java.util.concurrent.Future<Optional<Instant>> send : sends) {
        assertThat(send.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      two.shutdownNow();
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery("SELECT sent FROM fs_mf_address_send WHERE address = '" + mail + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getInt(1)).as("both sends counted against the address").isEqualTo(2);
    }
  }

  @Test
  void ensureAddressRowWhenCountRunsThenNoPeriodRunsAndALaterCountStartsOne() {
    String mail = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    tx(
        r -> {
          r.ensureAddressRow(mail);
          return null;
        });
    tx(
        r -> {
          r.ensureAddressRow(mail);
          return null;
        });
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, mail, NOW, PERIOD, 1))).isEmpty();
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(BOB, mail, NOW, PERIOD, 1)))
        .as("the made row counted the first send")
        .contains(NOW.plus(PERIOD));
  }

  /** {@link JpaTwoFactorStore#countSend}: the row in a transaction of its own, then the count. */
  private Optional<Instant> firstSendAsTheStoreDoes(
      java.util.concurrent.CyclicBarrier together, long userId, String address) throws Exception {
    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
    try {
      tx(
          r -> {
            r.ensureAddressRow(address);
            return null;
          });
    } catch (jakarta.persistence.PersistenceException lostRace) {
      // as the store: the other send made the row
    }
    return tx(r -> r.countSend(userId, address, NOW, PERIOD, 5));
  }

  // --- stand-ins (generic responses: a code request for an identity that gets no code) ---

  static final String MAIL = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";
  static final String TYPED = "7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e";
  static final int SLOT = 17;

  @Test
  void migrationWhenRunThenAFixedPoolOfStandInRowsAndNoUser() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet pool =
            s.executeQuery("SELECT COUNT(*), MIN(slot), MAX(slot) FROM fs_mf_stand_in_send")) {
      assertThat(pool.next()).isTrue();
      assertThat(pool.getInt(1)).isEqualTo(StandInSendKeys.SLOTS);
      assertThat(pool.getInt(2)).isZero();
      assertThat(pool.getInt(3)).isEqualTo(StandInSendKeys.SLOTS - 1);
    }
    assertThat(count("SELECT COUNT(*) FROM fs_user")).as("only the two of this test").isEqualTo(2);
  }

  /**
   * The point of the stand-in: a user's send and a stand-in's, each the second of its period (rows
   * made, a period running), run the same statements in the same order with the same locks — the
   * row that serializes (the user's, the slot's) locked first, the per-user (per-slot) counter
   * read, the address's (identity's) counter read locked, both updated — and the stand-in touches
   * only its own rows.
   */
  @Test
  void countStandInSendWhenCountedThenTheSameStatementsAndLocksAsAUsersSendOnItsOwnRows()
      throws SQLException {
    assertThat(sendAsTheStore(ANN, MAIL, 5)).isEmpty();
    assertThat(standInAsTheStore(SLOT, TYPED, 5)).isEmpty();
    ExecutedStatements.take();

    assertThat(sendAsTheStore(ANN, MAIL, 5)).isEmpty();
    List<String> user = ExecutedStatements.take();
    assertThat(standInAsTheStore(SLOT, TYPED, 5)).isEmpty();
    List<String> standIn = ExecutedStatements.take();

    assertThat(user).as("a send reads no user entity, no roles").hasSize(6);
    assertThat(shapes(standIn)).isEqualTo(shapes(user));
    assertThat(shapes(user))
        .containsExactly(
            "SELECT", "SELECT FOR UPDATE", "SELECT", "SELECT FOR UPDATE", "UPDATE", "UPDATE");
    assertThat(user.get(1)).containsIgnoringCase("fs_user");
    assertThat(standIn)
        .allSatisfy(
            sql ->
                assertThat(sql.toLowerCase(java.util.Locale.ROOT))
                    .containsAnyOf("fs_mf_stand_in_send", "fs_mf_address_send")
                    .doesNotContain("fs_user")
                    .doesNotContain("fs_mf_code_send"));
    assertThat(sent("fs_mf_address_send", "address", "'" + TYPED + "'")).isEqualTo(2);
    assertThat(sent("fs_mf_stand_in_send", "slot", String.valueOf(SLOT))).isEqualTo(2);
    assertThat(sent("fs_mf_address_send", "address", "'" + MAIL + "'"))
        .as("the user's address counted the user's sends only")
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM fs_mf_code_send")).as("Ann's row only").isEqualTo(1);
    assertThat(count("SELECT SUM(sent) FROM fs_mf_stand_in_send"))
        .as("one slot counted")
        .isEqualTo(2);
  }

  /**
   * A flood of one identity is refused after exactly as many requests as a user's (so the answers
   * keep costing the same: a refused send renders no mail on either side), and the refused request
   * counts nothing.
   */
  @Test
  void countStandInSendWhenTheIdentitysCountIsUsedUpThenRefusedAfterAsManyAsAUser()
      throws SQLException {
    List<Boolean> user = new java.util.ArrayList<>();
    List<Boolean> standIn = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      user.add(sendAsTheStore(ANN, MAIL, 3).isEmpty());
      standIn.add(standInAsTheStore(SLOT, TYPED, 3).isEmpty());
    }

    assertThat(user).containsExactly(true, true, true, false, false);
    assertThat(standIn).isEqualTo(user);
    assertThat(standInAsTheStore(SLOT, TYPED, 3)).contains(NOW.plus(PERIOD));
    assertThat(sent("fs_mf_address_send", "address", "'" + TYPED + "'")).isEqualTo(3);
    assertThat(sent("fs_mf_stand_in_send", "slot", String.valueOf(SLOT))).isEqualTo(3);
  }

  /**
   * The slots are shared by every identity hashed to them: their counts must decide nothing, or
   * filling them would make every unknown identity answer as a refused one.
   */
  @Test
  void countStandInSendWhenOtherIdentitiesFilledTheSlotThenAFreshIdentityIsStillCounted()
      throws SQLException {
    for (int i = 0; i < 4; i++) {
      String other = String.format("%064x", i + 1);
      assertThat(standInAsTheStore(SLOT, other, 3)).isEmpty();
    }
    assertThat(sent("fs_mf_stand_in_send", "slot", String.valueOf(SLOT))).isEqualTo(4);

    assertThat(standInAsTheStore(SLOT, TYPED, 3)).isEmpty();
  }

  @Test
  void countStandInSendWhenTwoIdentitiesOfOneSlotAtOnceThenBothCountedAndNeitherFails()
      throws Exception {
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Optional<Instant>>> sends =
          two.invokeAll(
              List.of(
                  () -> {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return standInAsTheStore(SLOT, TYPED, 5);
                  },
                  () -> {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return standInAsTheStore(SLOT, MAIL, 5);
                  }));
      for (java.util.concurrent.Future<Optional<Instant>> send : sends) {
        assertThat(send.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      two.shutdownNow();
    }
    assertThat(sent("fs_mf_stand_in_send", "slot", String.valueOf(SLOT))).isEqualTo(2);
  }

  @Test
  void standInWhenItsPoolRowIsMissingThenCountedAnyway() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_mf_stand_in_send WHERE slot = " + SLOT);
    }
    try {
      assertThat(standInAsTheStore(SLOT, TYPED, 5)).isEmpty();
      assertThat(sent("fs_mf_stand_in_send", "slot", String.valueOf(SLOT))).isEqualTo(1);
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM fs_mf_stand_in_send WHERE slot = " + SLOT);
        s.executeUpdate(
            "INSERT INTO fs_mf_stand_in_send (slot, period_start, sent) VALUES ("
                + SLOT
                + ", 0, 0)");
      }
    }
  }

  @Test
  void forgetAddressSendsBeforeWhenAPeriodIsOverThenOnlyItsCountersGo() throws SQLException {
    assertThat(sendAsTheStore(ANN, MAIL, 5)).isEmpty();
    Instant later = NOW.plus(PERIOD).plusSeconds(1);
    this.<Optional<Instant>>tx(r -> r.countStandInSend(SLOT, TYPED, later, PERIOD, 5));

    assertThat(this.<Integer>tx(r -> r.forgetAddressSendsBefore(later.minus(PERIOD)))).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM fs_mf_address_send WHERE address = '" + MAIL + "'"))
        .as("its period is over")
        .isZero();
    assertThat(sent("fs_mf_address_send", "address", "'" + TYPED + "'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM fs_mf_stand_in_send"))
        .as("the pool stays")
        .isEqualTo(StandInSendKeys.SLOTS);
  }

  /**
   * {@link JpaTwoFactorStore#countSend}: the address's row in a transaction of its own, the count.
   */
  private Optional<Instant> sendAsTheStore(long userId, String address, int limit) {
    ensureAsTheStore(address);
    return tx(r -> r.countSend(userId, address, NOW, PERIOD, limit));
  }

  /** {@link JpaTwoFactorStore#countStandInSend}, the same way. */
  private Optional<Instant> standInAsTheStore(int slot, String counter, int limit) {
    ensureAsTheStore(counter);
    return tx(r -> r.countStandInSend(slot, counter, NOW, PERIOD, limit));
  }

  private void ensureAsTheStore(String address) {
    try {
      tx(
          r -> {
            r.ensureAddressRow(address);
            return null;
          });
    } catch (jakarta.persistence.PersistenceException lostRace) {
      // as the store: another send made the row
    }
  }

  /**
   * The user's row is locked by the very statement the stand-in's slot is locked by, one table and
   * key column apart: plain SQL, no query language in between. Why: the JPQL lock it replaced was
   * prepared anew on every send (EclipseLink), and that alone made a real send measurably slower
   * than a stand-in's (issue 8).
   */
  @Test
  void countSendWhenLockingTheUsersRowThenTheStatementOfTheStandInsLockOnTheUserTable()
      throws SQLException {
    assertThat(sendAsTheStore(ANN, MAIL, 5)).isEmpty();
    assertThat(standInAsTheStore(SLOT, TYPED, 5)).isEmpty();
    ExecutedStatements.take();

    assertThat(sendAsTheStore(ANN, MAIL, 5)).isEmpty();
    List<String> user = ExecutedStatements.take();
    assertThat(standInAsTheStore(SLOT, TYPED, 5)).isEmpty();
    List<String> standIn = ExecutedStatements.take();

    assertThat(plain(user.get(1))).isEqualTo("SELECT id FROM fs_user WHERE id = ? FOR UPDATE");
    assertThat(plain(standIn.get(1)))
        .isEqualTo("SELECT slot FROM fs_mf_stand_in_send WHERE slot = ? FOR UPDATE");
  }

  /** A statement with its parameters written {@code ?} and its spaces single. */
  private static String plain(String sql) {
    return sql.strip().replaceAll("\\?\\d*", "?").replaceAll("\\s+", " ");
  }

  /** What a statement does to which rows: its verb, and whether it locks what it reads. */
  private static List<String> shapes(List<String> statements) {
    return statements.stream()
        .map(sql -> sql.strip().toUpperCase(java.util.Locale.ROOT))
        .map(sql -> sql.split("\\s+")[0] + (sql.contains("FOR UPDATE") ? " FOR UPDATE" : ""))
        .toList();
  }

  private int sent(String table, String keyColumn, String key) throws SQLException {
    return count("SELECT sent FROM " + table + " WHERE " + keyColumn + " = " + key);
  }

  private int count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getInt(1);
    }
  }

  @Test
  void replaceIfUnchangedWhenCodesStillTheSameThenReplacedElseNot() throws SQLException {
    assertThat(this.<Boolean>codes(r -> r.replace(ANN, java.util.List.of("a", "b", "c")))).isTrue();
    assertThat(column("mf_recovery_codes")).isEqualTo("a,b,c");

    assertThat(
            this.<Boolean>codes(
                r ->
                    r.replaceIfUnchanged(
                        ANN, java.util.List.of("a", "b", "c"), java.util.List.of("a", "c"))))
        .isTrue();
    assertThat(
            this.<Boolean>codes(
                r ->
                    r.replaceIfUnchanged(
                        ANN, java.util.List.of("a", "b", "c"), java.util.List.of("a"))))
        .as("a second redemption of the same code")
        .isFalse();
    assertThat(column("mf_recovery_codes")).isEqualTo("a,c");
    assertThat(this.<Boolean>codes(r -> r.replace(ANN, java.util.List.of()))).isTrue();
    assertThat(column("mf_recovery_codes")).isNull();
  }

  @Test
  void deleteWhenUserDeletedThenItsStepsAndSendCountsGoWithIt() throws SQLException {
    this.<Boolean>tx(r -> r.setUp(ANN, "email", "{secret}", null, 7));
    this.<Optional<Instant>>tx(r -> r.countSend(ANN, null, NOW, PERIOD, 3));

    assertThat(new StandaloneStores(emf, clock).users().delete(ANN)).isTrue();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet steps = s.executeQuery("SELECT COUNT(*) FROM fs_mf_used_step")) {
      assertThat(steps.next()).isTrue();
      assertThat(steps.getInt(1)).isZero();
    }
    assertThat(this.<Optional<Instant>>tx(r -> r.countSend(ANN, null, NOW, PERIOD, 3)))
        .as("no user, nothing sent")
        .isPresent();
  }

  private <T> T tx(Function<TwoFactorRepository, T> work) {
    return inTransaction(em -> work.apply(new TwoFactorRepository(em, clock)));
  }

  private <T> T codes(
      Function<dev.portcullis.impl.recoverycodes.RecoveryCodeRepositoryAccess, T> work) {
    return inTransaction(
        em ->
            work.apply(
                dev.portcullis.impl.recoverycodes.RecoveryCodeRepositoryAccess.of(em, clock)));
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private String column(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + name + " FROM fs_user WHERE id = " + ANN)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
