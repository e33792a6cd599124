package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.MappedTable;
import dev.portcullis.impl.persistence.SqlNames;
import dev.portcullis.impl.persistence.UserEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link TwoFactorStore}'s SQL over a caller-managed {@link EntityManager} and transaction: the
 * user's {@code tf_*} columns through the user entity, the used steps and send counts in {@code
 * fs_mf_used_step}, {@code fs_mf_code_send} and {@code fs_mf_address_send}, the stand-ins' in
 * {@code fs_mf_stand_in_send}. {@link JpaTwoFactorStore} wraps it in container transactions; tests
 * drive it with a resource-local one.
 *
 * <p>Every check-and-write first locks the user's row ({@code SELECT ... FOR UPDATE}): the same
 * user's checks then run one after the other on every node, so two nodes can never both accept the
 * same code or both send past the limit, and an insert never meets a concurrent twin.
 */
final class TwoFactorRepository {

  private final EntityManager em;
  private final Clock clock;
  private final SqlNames sql;

  /** Over Portcullis' own tables. */
  TwoFactorRepository(EntityManager em, Clock clock) {
    this(em, clock, SqlNames.PORTCULLIS);
  }

  /** Over the user table named by {@code sql} (Portcullis' own, or Flask-Security's adopted). */
  TwoFactorRepository(EntityManager em, Clock clock, SqlNames sql) {
    this.em = em;
    this.clock = clock;
    this.sql = sql;
  }

  boolean setUp(long userId, String method, String secret, String phoneNumber, long step) {
    UserEntity user = lock(userId);
    if (user == null) {
      return false;
    }
    user.setTfPrimaryMethod(method);
    user.setTfTotpSecret(secret);
    user.setTfPhoneNumber(phoneNumber);
    user.setUpdateDatetime(clock.instant());
    writeStep(userId, method, step);
    return true;
  }

  boolean disable(long userId) {
    UserEntity user = lock(userId);
    if (user == null) {
      return false;
    }
    user.setTfPrimaryMethod(null);
    user.setTfTotpSecret(null);
    user.setTfPhoneNumber(null);
    user.setUpdateDatetime(clock.instant());
    return true;
  }

  long lastUsedStep(long userId, String method) {
    return new UsedSteps(em).last(userId, method);
  }

  boolean useStep(long userId, String method, long step) {
    if (lock(userId) == null || step <= lastUsedStep(userId, method)) {
      return false;
    }
    writeStep(userId, method, step);
    return true;
  }

  /**
   * Counts a send to the user and, when given, to the address (hashed), each at most {@code limit}
   * per {@code period}; counts neither when either is exhausted.
   */
  Optional<Instant> countSend(
      long userId, String addressHash, Instant now, Duration period, int limit) {
    if (!lockRow(userId)) {
      return Optional.of(now.plus(period));
    }
    SendCounter byUser = new SendCounter(em, "fs_mf_code_send", "user_id", userId);
    Optional<Instant> userWait = byUser.waitUntil(now, period, limit);
    if (addressHash == null) {
      userWait.ifPresentOrElse(wait -> {}, () -> byUser.count(now, period));
      return userWait;
    }
    SendCounter byAddress = new SendCounter(em, "fs_mf_address_send", "address", addressHash, true);
    Optional<Instant> addressWait = byAddress.waitUntil(now, period, limit);
    if (userWait.isPresent() || addressWait.isPresent()) {
      Instant later =
          userWait.isPresent() && addressWait.isPresent()
              ? (userWait.get().isAfter(addressWait.get()) ? userWait.get() : addressWait.get())
              : userWait.orElseGet(addressWait::get);
      return Optional.of(later);
    }
    byUser.count(now, period);
    byAddress.count(now, period);
    return Optional.empty();
  }

  /**
   * {@link #countSend} for a stand-in (see {@link TwoFactorStore#countStandInSend}): statement for
   * statement the same work — the stand-in row locked in place of the user's, read again as the
   * user's counter is, the identity's counter read locked — with only {@code counter}'s limit
   * deciding; both counted when it allows.
   */
  Optional<Instant> countStandInSend(
      int slot, String counter, Instant now, Duration period, int limit) {
    lockStandIn(slot);
    SendCounter bySlot = new SendCounter(em, "fs_mf_stand_in_send", "slot", slot);
    SendCounter byCounter = new SendCounter(em, "fs_mf_address_send", "address", counter, true);
    Optional<Instant> wait = byCounter.waitUntil(now, period, limit);
    if (wait.isPresent()) {
      return wait;
    }
    bySlot.count(now, period);
    byCounter.count(now, period);
    return Optional.empty();
  }

  /** Deletes per-address counters whose period started before {@code before}. */
  int forgetAddressSendsBefore(Instant before) {
    return em.createNativeQuery("DELETE FROM fs_mf_address_send WHERE period_start < ?1")
        .setParameter(1, before.getEpochSecond())
        .executeUpdate();
  }

  /**
   * Gives the address a counter row with no period running (period start 0, nothing sent) unless it
   * has one. Two users sending the first code to one address at once would otherwise both find no
   * row and both insert it, the second failing on the primary key; with the row made beforehand in
   * a transaction of its own (a lost race fails only that transaction, and the row is there
   * anyway), {@link #countSend} finds it, locks it and only updates it.
   */
  void ensureAddressRow(String addressHash) {
    boolean exists =
        !em.createNativeQuery("SELECT sent FROM fs_mf_address_send WHERE address = ?1")
            .setParameter(1, addressHash)
            .getResultList()
            .isEmpty();
    if (!exists) {
      em.createNativeQuery(
              "INSERT INTO fs_mf_address_send (address, period_start, sent) VALUES (?1, 0, 0)")
          .setParameter(1, addressHash)
          .executeUpdate();
    }
  }

  /**
   * Locks the stand-in row {@code slot} until the transaction ends, as {@link #lockRow} locks a
   * user's. The rows are made by the migration; should one be missing, nothing is locked and the
   * count makes it.
   */
  private void lockStandIn(int slot) {
    em.createNativeQuery("SELECT slot FROM fs_mf_stand_in_send WHERE slot = ?1 FOR UPDATE")
        .setParameter(1, slot)
        .getResultList();
  }

  /**
   * Locks the user's row until the transaction ends, reading only its id — no entity, no roles —
   * for a check that needs the user to exist and to run alone, nothing else: {@code SELECT id FROM
   * <user table> WHERE id = ? FOR UPDATE} (the table and column as mapped). Native SQL, as {@link
   * #lockStandIn} is: the same query in JPQL with a pessimistic lock mode was prepared anew on
   * every call (EclipseLink), which made a real send measurably slower than a stand-in's (issue 8).
   * False when there is no such user.
   */
  private boolean lockRow(long userId) {
    String id = sql.column(MappedTable.USER, "id");
    return !em.createNativeQuery(
            "SELECT "
                + id
                + " FROM "
                + sql.table(MappedTable.USER)
                + " WHERE "
                + id
                + " = ?1 FOR UPDATE")
        .setParameter(1, userId)
        .getResultList()
        .isEmpty();
  }

  /** The user's row, locked until the transaction ends; {@code null} when there is none. */
  private UserEntity lock(long userId) {
    return em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }

  private void writeStep(long userId, String method, long step) {
    new UsedSteps(em).write(userId, method, step);
  }
}
