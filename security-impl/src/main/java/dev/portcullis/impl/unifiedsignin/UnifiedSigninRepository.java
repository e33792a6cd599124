package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.persistence.UserEntity;
import dev.portcullis.impl.twofactor.UsedSteps;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@link UnifiedSigninStore}'s SQL over a caller-managed {@link EntityManager} and transaction: the
 * user's {@code us_*} columns through the user entity, the used steps in two-factor's {@code
 * fs_mf_used_step} under the method names {@code us_email}, {@code us_authenticator}, {@code
 * us_sms} (a unified sign-in secret is not the two-factor one). Every check-and-write first locks
 * the user's row, so the same user's checks run one after the other on every node.
 */
final class UnifiedSigninRepository {

  private final EntityManager em;
  private final Clock clock;

  UnifiedSigninRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** The name a method's used steps are kept under. */
  static String stepKey(String method) {
    return "us_" + method;
  }

  boolean setUp(long userId, String method, String secret, String phoneNumber, long step) {
    UserEntity user = lock(userId);
    if (user == null) {
      return false;
    }
    Map<String, String> secrets = UsTotpSecrets.read(user.getUsTotpSecrets());
    secrets.put(method, secret);
    user.setUsTotpSecrets(UsTotpSecrets.write(secrets));
    if (phoneNumber != null) {
      user.setUsPhoneNumber(phoneNumber);
    }
    user.setUpdateDatetime(clock.instant());
    new UsedSteps(em).write(userId, stepKey(method), step);
    return true;
  }

  boolean remove(long userId, List<String> methods) {
    UserEntity user = lock(userId);
    if (user == null) {
      return false;
    }
    Map<String, String> secrets = UsTotpSecrets.read(user.getUsTotpSecrets());
    methods.forEach(secrets::remove);
    boolean hasPassword = user.getPassword() != null && !user.getPassword().isEmpty();
    if (!hasPassword && secrets.isEmpty()) {
      return false;
    }
    user.setUsTotpSecrets(UsTotpSecrets.write(secrets));
    if (methods.contains("sms")) {
      user.setUsPhoneNumber(null);
    }
    user.setUpdateDatetime(clock.instant());
    return true;
  }

  long lastUsedStep(long userId, String method) {
    return new UsedSteps(em).last(userId, stepKey(method));
  }

  boolean useStep(long userId, String method, long step) {
    if (lock(userId) == null || step <= lastUsedStep(userId, method)) {
      return false;
    }
    new UsedSteps(em).write(userId, stepKey(method), step);
    return true;
  }

  /** The user's row, locked until the transaction ends; {@code null} when there is none. */
  private UserEntity lock(long userId) {
    return em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }
}
