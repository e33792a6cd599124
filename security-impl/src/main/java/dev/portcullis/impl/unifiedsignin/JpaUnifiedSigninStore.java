package dev.portcullis.impl.unifiedsignin;

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

/**
 * The default {@link UnifiedSigninStore}: JPA over the {@code portcullis} persistence unit, each
 * method a transaction of its own (see {@link UnifiedSigninRepository}).
 */
@ApplicationScoped
public class JpaUnifiedSigninStore implements UnifiedSigninStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  private UnifiedSigninRepository repository() {
    return new UnifiedSigninRepository(em, clock);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean setUp(
      long userId, String method, String secret, String phoneNumber, long acceptedStep) {
    return repository().setUp(userId, method, secret, phoneNumber, acceptedStep);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean remove(long userId, List<String> methods) {
    return repository().remove(userId, methods);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public long lastUsedStep(long userId, String method) {
    return repository().lastUsedStep(userId, method);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean useStep(long userId, String method, long step) {
    return repository().useStep(userId, method, step);
  }
}
