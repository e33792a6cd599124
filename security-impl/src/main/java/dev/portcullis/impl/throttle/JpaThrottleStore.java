package dev.portcullis.impl.throttle;

import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The default {@link ThrottleStore}: the {@code fs_throttle} table of the {@code portcullis}
 * persistence unit. Each method is a transaction of its own, so a failure is counted even when the
 * request's own work rolls back, and the row lock lasts only as long as the update.
 */
@ApplicationScoped
public class JpaThrottleStore implements ThrottleStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;

  /** The table must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ThrottleCounter> find(String subject) {
    return new ThrottleRepository(em).find(subject, false);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public ThrottleCounter update(
      String subject, Function<Optional<ThrottleCounter>, ThrottleCounter> change) {
    return new ThrottleRepository(em).update(subject, change);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void forget(String subject) {
    new ThrottleRepository(em).forget(subject);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int forgetOlderThan(Instant before) {
    return new ThrottleRepository(em).forgetOlderThan(before);
  }
}
