package dev.portcullis.impl.mail;

import dev.portcullis.spi.MailMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link MailOutbox} outside a container: each method in a resource-local transaction of its own,
 * as the container's {@code REQUIRES_NEW} does, over the same {@link OutboxRepository}. Lets a test
 * run the real {@link MailWorker} in a plain JVM (and kill that JVM).
 */
final class ResourceLocalOutbox extends MailOutbox {

  private final EntityManagerFactory emf;
  private final Clock time;

  ResourceLocalOutbox(EntityManagerFactory emf, Clock clock, MailConfig config) {
    this.emf = emf;
    this.time = clock;
    this.config = config;
  }

  @Override
  public long add(MailMessage message) {
    return tx(r -> r.add(message));
  }

  @Override
  public long rehearse(MailMessage message) {
    return tx(
        r -> {
          long id = r.add(message);
          r.discard(id);
          return id;
        });
  }

  @Override
  public List<Long> due(int limit) {
    return tx(r -> r.due(config.maxAttempts(), limit));
  }

  @Override
  public Optional<MailMessage> claim(long id) {
    return tx(r -> r.claim(id));
  }

  @Override
  public boolean markSent(long id) {
    return tx(r -> r.markSent(id));
  }

  @Override
  public Optional<Integer> markFailed(long id, String reason) {
    return tx(r -> r.markFailed(id, reason, config.retryInterval(), config.maxAttempts()));
  }

  @Override
  public long backlog() {
    return tx(OutboxRepository::backlog);
  }

  @Override
  public int purge() {
    return tx(
        r -> {
          r.giveUp(config.maxAttempts());
          r.giveUpUnconfirmed();
          return r.purgeFailed(config.failedRetention()) + r.purgeSent();
        });
  }

  private <T> T tx(Function<OutboxRepository, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(new OutboxRepository(em, time));
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }
}
