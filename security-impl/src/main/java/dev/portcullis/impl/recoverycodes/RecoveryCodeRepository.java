package dev.portcullis.impl.recoverycodes;

import dev.portcullis.impl.persistence.UserEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;

/**
 * {@link RecoveryCodeStore}'s SQL over a caller-managed {@link EntityManager} and transaction. A
 * conditional replacement locks the user's row first ({@code SELECT ... FOR UPDATE}), so it
 * compares and writes while no other node can.
 */
final class RecoveryCodeRepository {

  private final EntityManager em;
  private final Clock clock;

  RecoveryCodeRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  boolean replace(long userId, List<String> stored) {
    UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      return false;
    }
    write(user, stored);
    return true;
  }

  boolean replaceIfUnchanged(long userId, List<String> expected, List<String> remaining) {
    UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (user == null || !List.copyOf(user.getMfRecoveryCodes()).equals(List.copyOf(expected))) {
      return false;
    }
    write(user, remaining);
    return true;
  }

  private void write(UserEntity user, List<String> codes) {
    user.setMfRecoveryCodes(List.copyOf(codes));
    user.setUpdateDatetime(clock.instant());
  }
}
