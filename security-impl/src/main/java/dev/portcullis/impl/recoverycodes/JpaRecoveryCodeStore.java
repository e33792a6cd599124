package dev.portcullis.impl.recoverycodes;

import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/** The default {@link RecoveryCodeStore}: JPA over the {@code portcullis} persistence unit. */
@ApplicationScoped
public class JpaRecoveryCodeStore implements RecoveryCodeStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  private RecoveryCodeRepository repository() {
    return new RecoveryCodeRepository(em, clock);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean replace(long userId, List<String> stored) {
    return repository().replace(userId, stored);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean replaceIfUnchanged(long userId, List<String> expected, List<String> remaining) {
    return repository().replaceIfUnchanged(userId, expected, remaining);
  }
}
