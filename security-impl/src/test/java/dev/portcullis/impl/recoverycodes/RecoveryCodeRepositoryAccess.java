package dev.portcullis.impl.recoverycodes;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/** Opens {@link RecoveryCodeRepository} to the database tests of other packages. */
public final class RecoveryCodeRepositoryAccess {

  private final RecoveryCodeRepository repository;

  private RecoveryCodeRepositoryAccess(RecoveryCodeRepository repository) {
    this.repository = repository;
  }

  /** The repository over {@code em}. */
  public static RecoveryCodeRepositoryAccess of(EntityManager em, Clock clock) {
    return new RecoveryCodeRepositoryAccess(new RecoveryCodeRepository(em, clock));
  }

  public boolean replace(long userId, List<String> stored) {
    return repository.replace(userId, stored);
  }

  public boolean replaceIfUnchanged(long userId, List<String> expected, List<String> remaining) {
    return repository.replaceIfUnchanged(userId, expected, remaining);
  }
}
