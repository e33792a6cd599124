package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.totp.TotpCheck;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The rows of {@code fs_mf_used_step}: per user and method, the last time step whose code was
 * accepted, so a code works once on every node. Shared by two-factor and unified sign-in (which
 * keeps its steps under {@code us_<method>}). The caller holds the user's row lock, so no insert
 * meets a concurrent twin.
 */
public final class UsedSteps {

  private final EntityManager em;

  public UsedSteps(EntityManager em) {
    this.em = em;
  }

  /** The last accepted step, or {@link TotpCheck#NONE_USED}. */
  public long last(long userId, String method) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT last_step FROM fs_mf_used_step WHERE user_id = ?1 AND method = ?2")
            .setParameter(1, userId)
            .setParameter(2, method)
            .getResultList();
    return rows.isEmpty() ? TotpCheck.NONE_USED : ((Number) rows.get(0)).longValue();
  }

  /** Records {@code step} as the last accepted one, replacing any earlier record. */
  public void write(long userId, String method, long step) {
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
