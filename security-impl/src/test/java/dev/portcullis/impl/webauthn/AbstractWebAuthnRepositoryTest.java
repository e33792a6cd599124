package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.impl.persistence.SqlNames;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The WebAuthn SQL against a real database with resource-local transactions (one per call, as the
 * container's {@code REQUIRES_NEW} methods of {@link JpaWebAuthnStore}). One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractWebAuthnRepositoryTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456Z");
  static final long ANN = 601;
  static final long BOB = 602;
  static final long NOBODY = 999;

  private DataSource dataSource;
  private EntityManagerFactory emf;

  abstract SharedTestDatabases.Kind kind();

  @BeforeAll
  void migrate() throws SQLException {
    SharedTestDatabases.Schema schema = SharedTestDatabases.migrated(kind(), "portcullis_wan_test");
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
  void twoUsers() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_webauthn");
      s.executeUpdate("DELETE FROM fs_wan_used_challenge");
      s.executeUpdate("DELETE FROM fs_user");
      s.executeUpdate(
          "INSERT INTO fs_user (id, email, active, fs_uniquifier) VALUES ("
              + ANN
              + ", 'ann@example.com', TRUE, 'ann-uniquifier')");
      s.executeUpdate(
          "INSERT INTO fs_user (id, email, active, fs_uniquifier, fs_webauthn_user_handle) VALUES ("
              + BOB
              + ", 'bob@example.com', TRUE, 'bob-uniquifier', 'bob-handle')");
    }
  }

  @Test
  void registerWhenNewThenStoredReadBackAndHandleSet() throws SQLException {
    assertThat(register(ANN, key(new byte[] {1, 2, 3}, "yubi", "first"), "c1"))
        .isEqualTo(WebAuthnStore.Registration.STORED);

    List<WebAuthnCredential> keys = tx(r -> r.credentialsOf(ANN));
    assertThat(keys).hasSize(1);
    WebAuthnCredential key = keys.get(0);
    assertThat(key.credentialId()).containsExactly(1, 2, 3);
    assertThat(key.publicKey()).containsExactly(9, 8, 7, 6);
    assertThat(key.signCount()).isEqualTo(5);
    assertThat(key.transports()).containsExactly("usb", "nfc");
    assertThat(key.backupState()).isTrue();
    assertThat(key.deviceType()).isEqualTo("multi_device");
    assertThat(key.extensions()).contains("{\"credProps\":{\"rk\":true}}");
    assertThat(key.discoverable()).contains(true);
    assertThat(key.lastUse()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
    assertThat(key.name()).isEqualTo("yubi");
    assertThat(key.usage()).isEqualTo("first");
    assertThat(key.userId()).isEqualTo(ANN);
    assertThat(userHandle(ANN)).isEqualTo("ann-handle");
    assertThat(this.<Optional<WebAuthnCredential>>tx(r -> r.find(new byte[] {1, 2, 3})))
        .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(key.id()));
    assertThat(this.<Optional<WebAuthnCredential>>tx(r -> r.find(new byte[] {1, 2}))).isEmpty();
  }

  @Test
  void registerWhenNameOrIdInUseOrChallengeUsedThenRefusedAndNothingWritten() {
    register(ANN, key(new byte[] {1}, "yubi", "first"), "c1");

    assertThat(register(ANN, key(new byte[] {2}, "yubi", "first"), "c2"))
        .isEqualTo(WebAuthnStore.Registration.NAME_IN_USE);
    assertThat(register(BOB, key(new byte[] {1}, "other", "first", "bob-handle"), "c3"))
        .as("another user's credential id")
        .isEqualTo(WebAuthnStore.Registration.CREDENTIAL_ID_IN_USE);
    assertThat(register(ANN, key(new byte[] {3}, "spare", "secondary"), "c1"))
        .as("a replayed registration")
        .isEqualTo(WebAuthnStore.Registration.CHALLENGE_USED);
    assertThat(register(BOB, key(new byte[] {4}, "mine", "first", "not-bobs"), "c4"))
        .as("options made with another user handle")
        .isEqualTo(WebAuthnStore.Registration.USER_CHANGED);
    assertThat(register(NOBODY, key(new byte[] {5}, "x", "first"), "c5"))
        .isEqualTo(WebAuthnStore.Registration.USER_CHANGED);

    assertThat(this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(ANN))).hasSize(1);
    assertThat(this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(BOB))).isEmpty();
  }

  @Test
  void registerWhenTwoKeysThenIdsDifferAndOrderIsOldestFirst() {
    register(BOB, key(new byte[] {1}, "one", "first", "bob-handle"), "c1");
    register(BOB, key(new byte[] {2}, "two", "secondary", "bob-handle"), "c2");

    List<WebAuthnCredential> keys = tx(r -> r.credentialsOf(BOB));
    assertThat(keys).extracting(WebAuthnCredential::name).containsExactly("one", "two");
    assertThat(keys.get(0).id()).isNotEqualTo(keys.get(1).id());
  }

  @Test
  void recordUseWhenCounterUnchangedThenUpdatedOnceAndReplayRefused() {
    register(ANN, key(new byte[] {1}, "yubi", "first"), "c1");
    WebAuthnCredential key = this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(ANN)).get(0);
    var verified = new AssertionOutcome.Verified(6, true, false, false);
    Instant later = NOW.plusSeconds(60);

    assertThat(use(key.id(), 5, verified, later, "s1")).isEqualTo(WebAuthnStore.Use.RECORDED);
    assertThat(use(key.id(), 6, new AssertionOutcome.Verified(7, true, false, false), later, "s1"))
        .as("the same challenge again")
        .isEqualTo(WebAuthnStore.Use.CHALLENGE_USED);
    assertThat(use(key.id(), 5, new AssertionOutcome.Verified(7, true, false, false), later, "s2"))
        .as("a counter that moved meanwhile")
        .isEqualTo(WebAuthnStore.Use.COUNTER_MOVED);
    assertThat(use(12345, 0, verified, later, "s3")).isEqualTo(WebAuthnStore.Use.COUNTER_MOVED);

    WebAuthnCredential after = this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(ANN)).get(0);
    assertThat(after.signCount()).isEqualTo(6);
    assertThat(after.backupState()).isFalse();
    assertThat(after.deviceType()).isEqualTo("single_device");
    assertThat(after.lastUse()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void recordUseWhenChallengeExpiredThenItsRecordIsPurged() throws SQLException {
    register(ANN, key(new byte[] {1}, "yubi", "first"), "c1");
    WebAuthnCredential key = this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(ANN)).get(0);

    use(
        key.id(),
        5,
        new AssertionOutcome.Verified(5, false, false, false),
        NOW.plusSeconds(3600),
        "s1");

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM fs_wan_used_challenge")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).as("c1 expired at NOW+60s and went; s1 stays").isEqualTo(1);
    }
  }

  @Test
  void deleteWhenNamedThenOnlyThatKeyOfThatUserGoes() {
    register(ANN, key(new byte[] {1}, "yubi", "first"), "c1");
    register(BOB, key(new byte[] {2}, "yubi", "first", "bob-handle"), "c2");

    assertThat(this.<Boolean>tx(r -> r.delete(ANN, "nope"))).isFalse();
    assertThat(this.<Boolean>tx(r -> r.delete(ANN, "yubi"))).isTrue();
    assertThat(this.<Boolean>tx(r -> r.delete(NOBODY, "yubi"))).isFalse();

    assertThat(this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(ANN))).isEmpty();
    assertThat(this.<List<WebAuthnCredential>>tx(r -> r.credentialsOf(BOB))).hasSize(1);
  }

  private WebAuthnStore.Registration register(long user, NewCredential key, String challenge) {
    return tx(r -> r.register(user, key, UsedChallenge.of(challenge, NOW.plusSeconds(60))));
  }

  private WebAuthnStore.Use use(
      long id, long expected, AssertionOutcome.Verified verified, Instant now, String challenge) {
    return tx(
        r ->
            r.recordUse(
                id, expected, verified, now, UsedChallenge.of(challenge, now.plusSeconds(60))));
  }

  private static NewCredential key(byte[] id, String name, String usage) {
    return key(id, name, usage, "ann-handle");
  }

  private static NewCredential key(byte[] id, String name, String usage, String handle) {
    var verified =
        new RegistrationOutcome.Verified(
            id,
            new byte[] {9, 8, 7, 6},
            5,
            List.of("usb", "nfc"),
            true,
            true,
            true,
            Optional.of(true),
            Optional.of("{\"credProps\":{\"rk\":true}}"));
    return new NewCredential(verified, name, usage, handle, NOW);
  }

  private String userHandle(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery("SELECT fs_webauthn_user_handle FROM fs_user WHERE id = " + id)) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }

  private <T> T tx(Function<WebAuthnRepository, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result =
          work.apply(
              new WebAuthnRepository(
                  em, SqlNames.PORTCULLIS, kind() == SharedTestDatabases.Kind.MARIADB));
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
