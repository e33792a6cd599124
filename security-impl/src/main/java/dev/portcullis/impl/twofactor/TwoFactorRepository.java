package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.UserEntity;
import dev.portcullis.impl.totp.TotpCheck;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link TwoFactorStore}'s SQL over a caller-managed {@link EntityManager} and transaction: the
 * user's {@code tf_*} columns through the user entity, the used steps and send counts in {@code
 * fs_mf_used_step} and {@code fs_mf_code_send}. {@link JpaTwoFactorStore} wraps it in container
 * transactions; tests drive it with a resource-local one.
 *
 * <p>Every check-and-write first locks the user's row ({@code SELECT ... FOR UPDATE}): the same
 * user's checks then run one after the other on every node, so two nodes can never both accept the
 * same code or both send past the limit, and an insert never meets a concurrent twin.
 */
final class TwoFactorRepository {

  private final EntityManager em;
  private final Clock clock;

  TwoFactorRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
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
    List<?> rows =
        em.createNativeQuery(
                "SELECT last_step FROM fs_mf_used_step WHERE user_id = ?1 AND method = ?2")
            .setParameter(1, userId)
            .setParameter(2, method)
            .getResultList();
    return rows.isEmpty() ? TotpCheck.NONE_USED : ((Number) rows.get(0)).longValue();
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
    if (lock(userId) == null) {
      return Optional.of(now.plus(period));
    }
    SendCounter byUser = new SendCounter(em, "fs_mf_code_send", "user_id", userId);
    Optional<Instant> userWait = byUser.waitUntil(now, period, limit);
    if (addressHash == null) {
      userWait.ifPresentOrElse(wait -> {}, () -> byUser.count(now, period));
      return userWait;
    }
    SendCounter byAddress = new SendCounter(em, "fs_mf_address_send", "address", addressHash);
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

  /** The user's row, locked until the transaction ends; {@code null} when there is none. */
  private UserEntity lock(long userId) {
    return em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }

  private void writeStep(long userId, String method, long step) {
    int updated =
        em.createNativeQuery(
                "UPDATE fs_mf_used_step SET last_step = ?1 WHERE user_id = ?2 AND method = ?3")
            .setParameter(1, step)
            .setParameter(2, userId)
            .setParameter(3, method)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO fs_mf_used_step (user_id, method, last_step) VALUES (?1, ?2, ?3)")
          .setParameter(1, userId)
          .setParameter(2, method)
          .setParameter(3, step)
          .executeUpdate();
    }
  }
}
