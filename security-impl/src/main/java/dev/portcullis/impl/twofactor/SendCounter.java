package dev.portcullis.impl.twofactor;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One row of a send-count table ({@code fs_mf_code_send} by user, {@code fs_mf_address_send} by
 * hashed address): how many codes went out since {@code period_start}. The caller holds the lock
 * that serializes the checks of one user (the user's row); a counter kept by address is shared by
 * users, so it is read with {@code FOR UPDATE} to serialize the checks of different users sending
 * to one address (its row made beforehand by {@link TwoFactorRepository#ensureAddressRow}).
 */
final class SendCounter {

  private final EntityManager em;
  private final String table;
  private final String keyColumn;
  private final Object key;
  private Instant periodStart;
  private int sent;
  private boolean exists;

  SendCounter(EntityManager em, String table, String keyColumn, Object key) {
    this(em, table, keyColumn, key, false);
  }

  SendCounter(EntityManager em, String table, String keyColumn, Object key, boolean lockRow) {
    this.em = em;
    this.table = table;
    this.keyColumn = keyColumn;
    this.key = key;
    List<?> rows =
        em.createNativeQuery(
                "SELECT period_start, sent FROM "
                    + table
                    + " WHERE "
                    + keyColumn
                    + " = ?1"
                    + (lockRow ? " FOR UPDATE" : ""))
            .setParameter(1, key)
            .getResultList();
    if (!rows.isEmpty()) {
      Object[] row = (Object[]) rows.get(0);
      exists = true;
      periodStart = Instant.ofEpochSecond(((Number) row[0]).longValue());
      sent = ((Number) row[1]).intValue();
    }
  }

  /** When the next send may happen, if the limit of the running period is reached. */
  java.util.Optional<Instant> waitUntil(Instant now, Duration period, int limit) {
    if (!exists || !now.isBefore(periodStart.plus(period)) || sent < limit) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(periodStart.plus(period));
  }

  /** Counts one send: a new period when none runs, else one more in it. */
  void count(Instant now, Duration period) {
    if (!exists) {
      em.createNativeQuery(
              "INSERT INTO "
                  + table
                  + " ("
                  + keyColumn
                  + ", period_start, sent) VALUES (?1, ?2, 1)")
          .setParameter(1, key)
          .setParameter(2, now.getEpochSecond())
          .executeUpdate();
    } else if (!now.isBefore(periodStart.plus(period))) {
      em.createNativeQuery(
              "UPDATE " + table + " SET period_start = ?1, sent = 1 WHERE " + keyColumn + " = ?2")
          .setParameter(1, now.getEpochSecond())
          .setParameter(2, key)
          .executeUpdate();
    } else {
      em.createNativeQuery("UPDATE " + table + " SET sent = sent + 1 WHERE " + keyColumn + " = ?1")
          .setParameter(1, key)
          .executeUpdate();
    }
  }
}
