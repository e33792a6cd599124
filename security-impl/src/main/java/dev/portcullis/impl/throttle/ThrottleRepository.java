package dev.portcullis.impl.throttle;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL of {@link JpaThrottleStore} over {@code fs_throttle} (times in epoch milliseconds; {@code
 * locked_until} 0 when the subject was never locked, as a bound NULL has no portable type). Native
 * queries in the caller's transaction; {@code SELECT ... FOR UPDATE} (H2, PostgreSQL, MySQL and
 * MariaDB alike) holds the row until the transaction ends, so two nodes counting the same subject
 * take turns.
 */
final class ThrottleRepository {

  private final EntityManager em;

  ThrottleRepository(EntityManager em) {
    this.em = em;
  }

  Optional<ThrottleCounter> find(String subject, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT failures, last_failure, locked_until FROM fs_throttle WHERE subject = ?1"
                    + (lock ? " FOR UPDATE" : ""))
            .setParameter(1, subject)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new ThrottleCounter(
            ((Number) row[0]).intValue(),
            Instant.ofEpochMilli(((Number) row[1]).longValue()),
            Optional.of(((Number) row[2]).longValue())
                .filter(millis -> millis > 0)
                .map(Instant::ofEpochMilli)));
  }

  /**
   * Applies {@code change} to the locked row, or inserts it. Two nodes inserting the first row of
   * one subject at once: one insert fails on the primary key, its transaction rolls back, and the
   * caller tries again (then the row exists and is locked).
   */
  ThrottleCounter update(
      String subject, Function<Optional<ThrottleCounter>, ThrottleCounter> change) {
    Optional<ThrottleCounter> before = find(subject, true);
    ThrottleCounter after = change.apply(before);
    long lockedUntil = after.lockedUntil().map(Instant::toEpochMilli).orElse(0L);
    String sql =
        before.isPresent()
            ? "UPDATE fs_throttle SET failures = ?2, last_failure = ?3, locked_until = ?4"
                + " WHERE subject = ?1"
            : "INSERT INTO fs_throttle (subject, failures, last_failure, locked_until)"
                + " VALUES (?1, ?2, ?3, ?4)";
    em.createNativeQuery(sql)
        .setParameter(1, subject)
        .setParameter(2, after.failures())
        .setParameter(3, after.lastFailure().toEpochMilli())
        .setParameter(4, lockedUntil)
        .executeUpdate();
    return after;
  }

  void forget(String subject) {
    em.createNativeQuery("DELETE FROM fs_throttle WHERE subject = ?1")
        .setParameter(1, subject)
        .executeUpdate();
  }

  int forgetOlderThan(Instant before) {
    long millis = before.toEpochMilli();
    return em.createNativeQuery(
            "DELETE FROM fs_throttle WHERE last_failure < ?1" + " AND locked_until < ?1")
        .setParameter(1, millis)
        .executeUpdate();
  }
}
