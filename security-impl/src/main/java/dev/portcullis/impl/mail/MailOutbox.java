package dev.portcullis.impl.mail;

import dev.portcullis.impl.persistence.SchemaStartup;
import dev.portcullis.spi.MailMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The persistent outbox ({@code fs_mail_outbox}): each method is its own container transaction
 * around {@link OutboxRepository}, so a stored mail is committed before anyone tries to deliver it
 * and the caller's transaction neither waits for nor rolls back a delivery.
 */
@ApplicationScoped
public class MailOutbox {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;
  @Inject MailConfig config;

  /** The table must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  private OutboxRepository repository() {
    return new OutboxRepository(em, clock);
  }

  /** Stores a rendered mail, due now; committed when this returns. */
  @Transactional(TxType.REQUIRES_NEW)
  public long add(MailMessage message) {
    return repository().add(message);
  }

  /**
   * Writes {@code message} and deletes it again in one transaction: the database work of {@link
   * #add} (the same row, insert and commit) that leaves nothing behind and is never delivered. Why:
   * with generic responses, a request about an account that does not exist must not answer faster
   * than one that queues a mail (see {@link Mailer#rehearse}).
   *
   * @return the id the discarded row had (no row has it now, nor will one)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public long rehearse(MailMessage message) {
    OutboxRepository repository = repository();
    long id = repository.add(message);
    repository.discard(id);
    return id;
  }

  /** How many mails wait to be delivered (unsent and not given up), for readiness. */
  @Transactional(TxType.REQUIRES_NEW)
  public long backlog() {
    return repository().backlog();
  }

  /** Ids of mails due for an attempt. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> due(int limit) {
    return repository().due(config.maxAttempts(), limit);
  }

  /** The message if this node won the claim on it. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<MailMessage> claim(long id) {
    return repository().claim(id);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean markSent(long id) {
    return repository().markSent(id);
  }

  /**
   * Records a failure, giving the mail up (bodies dropped) when it was the last attempt; the
   * attempts made so far, empty if the row is gone, sent or given up.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Integer> markFailed(long id, String reason) {
    return repository().markFailed(id, reason, config.retryInterval(), config.maxAttempts());
  }

  /**
   * Housekeeping: gives up mails out of attempts that still have bodies (a lowered limit, rows of
   * an older version) and mails whose second sender stopped too (see {@link OutboxRepository}),
   * deletes failed rows older than {@code security.mail_outbox_failed_retention} and sent rows
   * older than a week.
   *
   * @return how many rows were deleted
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int purge() {
    OutboxRepository repository = repository();
    repository.giveUp(config.maxAttempts());
    repository.giveUpUnconfirmed();
    return repository.purgeFailed(config.failedRetention()) + repository.purgeSent();
  }
}
