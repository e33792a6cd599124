package dev.portcullis.impl.mail;

import dev.portcullis.impl.persistence.UtcInstantConverter;
import dev.portcullis.spi.MailMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's SQL over a caller-managed {@link EntityManager} and transaction (one transaction per
 * method). Delivery is at-most-once per claim: a node sends a row only after its conditional {@code
 * UPDATE} claimed it, and marks it sent right after (why: several nodes sweep the same table). A
 * node that dies between claiming and marking leaves a claim that expires after {@link
 * #CLAIM_LEASE}; it may have sent the mail. The next claim counts that as an unconfirmed delivery
 * ({@code unconfirmed}) and sends again — the one case of a duplicate. A mail with an unconfirmed
 * delivery is never claimed again once its next claim expires too: {@link #giveUpUnconfirmed} gives
 * it up. So each mail is sent at most twice, and at least once unless two nodes die while holding
 * the same mail. Every claim counts as an attempt, so a mail that kills its sender is not retried
 * forever either.
 *
 * <p>Bodies hold live confirmation and reset links, so they are kept only while the mail may still
 * be delivered: cleared when it is sent, and when the last attempt fails ({@code failed_at}). Sent
 * rows are deleted after {@link #KEEP_SENT}, failed ones after the configured retention.
 */
final class OutboxRepository {

  /** How long a claim keeps other sweeps away; longer than any SMTP attempt. */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

  /** The longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** Sent rows (bodies already cleared) are deleted after this long. */
  static final Duration KEEP_SENT = Duration.ofDays(7);

  static final int ERROR_LENGTH = 1000;

  /** The {@code last_error} of a mail given up by {@link #giveUpUnconfirmed}. */
  static final String UNCONFIRMED_TWICE =
      "given up: two sending nodes stopped before recording the result; it may have been sent";

  private static final UtcInstantConverter TIME = new UtcInstantConverter();

  private final EntityManager em;
  private final Clock clock;

  OutboxRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Stores {@code message}, due now; returns its id. */
  long add(MailMessage message) {
    Instant now = clock.instant();
    OutboxEntry entry = new OutboxEntry();
    entry.setSender(message.from());
    entry.setRecipient(message.to());
    entry.setSubject(message.subject());
    entry.setTextBody(message.textBody());
    entry.setHtmlBody(message.htmlBody());
    entry.setCreatedAt(now);
    entry.setNextAttemptAt(now);
    em.persist(entry);
    em.flush();
    return entry.getId();
  }

  /**
   * Deletes row {@code id}: the second half of a rehearsal (see {@link MailOutbox#rehearse}), in
   * the transaction that added it.
   */
  void discard(long id) {
    em.createNativeQuery("DELETE FROM fs_mail_outbox WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** How many rows are neither sent nor given up. */
  long backlog() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM fs_mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL")
                .getSingleResult())
        .longValue();
  }

  /**
   * Ids of unsent rows whose next attempt is due, oldest first: unclaimed, or whose claim expired
   * without an earlier unconfirmed delivery.
   */
  List<Long> due(int maxAttempts, int limit) {
    LocalDateTime now = TIME.convertToDatabaseColumn(clock.instant());
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM fs_mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"
                    + " AND attempts < ?1 AND next_attempt_at <= ?2"
                    + " AND (claimed_until IS NULL OR (claimed_until < ?3 AND unconfirmed = 0))"
                    + " ORDER BY next_attempt_at, id")
            .setParameter(1, maxAttempts)
            .setParameter(2, now)
            .setParameter(3, now)
            .setMaxResults(limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /**
   * Claims row {@code id} for {@link #CLAIM_LEASE}, counting an attempt: the message when this
   * caller won the claim, empty when the row is sent, given up, claimed by someone else, gone, or
   * already sent once unconfirmed by a claim that expired. Taking over an expired claim counts one
   * unconfirmed delivery (its holder may have sent the mail before it stopped).
   */
  Optional<MailMessage> claim(long id) {
    Instant now = clock.instant();
    // unconfirmed is assigned first: MySQL evaluates SET left to right with the new values.
    int claimed =
        em.createNativeQuery(
                "UPDATE fs_mail_outbox SET unconfirmed = unconfirmed"
                    + " + (CASE WHEN claimed_until IS NULL THEN 0 ELSE 1 END),"
                    + " attempts = attempts + 1, claimed_until = ?1 WHERE id = ?2"
                    + " AND sent_at IS NULL AND failed_at IS NULL"
                    + " AND (claimed_until IS NULL OR (claimed_until < ?3 AND unconfirmed = 0))")
            .setParameter(1, TIME.convertToDatabaseColumn(now.plus(CLAIM_LEASE)))
            .setParameter(2, id)
            .setParameter(3, TIME.convertToDatabaseColumn(now))
            .executeUpdate();
    if (claimed != 1) {
      return Optional.empty();
    }
    OutboxEntry entry = em.find(OutboxEntry.class, id);
    return Optional.of(
        new MailMessage(
            entry.getSender(),
            entry.getRecipient(),
            entry.getSubject(),
            entry.getTextBody(),
            entry.getHtmlBody()));
  }

  /**
   * Marks row {@code id} delivered and clears its bodies (why: they hold live confirmation and
   * reset links). {@code false} if it was already marked.
   */
  boolean markSent(long id) {
    return em.createNativeQuery(
                "UPDATE fs_mail_outbox SET sent_at = ?1, claimed_until = NULL, text_body = NULL,"
                    + " html_body = NULL, last_error = NULL WHERE id = ?2 AND sent_at IS NULL")
            .setParameter(1, TIME.convertToDatabaseColumn(clock.instant()))
            .setParameter(2, id)
            .executeUpdate()
        == 1;
  }

  /**
   * Records a failed attempt (counted when it was claimed) and releases the claim; the next attempt
   * waits {@code retryInterval} doubled per earlier attempt, at most {@link #MAX_BACKOFF}. The
   * attempt that reaches {@code maxAttempts} gives the mail up: {@code failed_at} is set and the
   * bodies are dropped.
   *
   * @return the attempts made so far, or empty if the row is gone, already sent or given up
   */
  Optional<Integer> markFailed(long id, String reason, Duration retryInterval, int maxAttempts) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT attempts FROM fs_mail_outbox WHERE id = ?1 AND sent_at IS NULL"
                    + " AND failed_at IS NULL")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int attempts = Math.max(1, ((Number) rows.get(0)).intValue());
    Instant now = clock.instant();
    boolean last = attempts >= maxAttempts;
    Query update =
        em.createNativeQuery(
                "UPDATE fs_mail_outbox SET attempts = ?1, last_error = ?2, next_attempt_at = ?3,"
                    + " claimed_until = NULL"
                    + (last ? ", failed_at = ?5, text_body = NULL, html_body = NULL" : "")
                    + " WHERE id = ?4 AND sent_at IS NULL AND failed_at IS NULL")
            .setParameter(1, attempts)
            .setParameter(2, truncate(reason))
            .setParameter(
                3, TIME.convertToDatabaseColumn(now.plus(backoff(retryInterval, attempts))))
            .setParameter(4, id);
    if (last) {
      update.setParameter(5, TIME.convertToDatabaseColumn(now));
    }
    update.executeUpdate();
    return Optional.of(attempts);
  }

  /**
   * Gives up every unsent, unclaimed mail that has used {@code maxAttempts}: sets {@code failed_at}
   * and drops the bodies. Also catches rows left by a lowered limit or by a version without {@code
   * failed_at}.
   *
   * @return how many rows were given up
   */
  int giveUp(int maxAttempts) {
    LocalDateTime now = TIME.convertToDatabaseColumn(clock.instant());
    return em.createNativeQuery(
            "UPDATE fs_mail_outbox SET failed_at = ?1, text_body = NULL, html_body = NULL,"
                + " claimed_until = NULL WHERE sent_at IS NULL AND failed_at IS NULL"
                + " AND attempts >= ?2 AND (claimed_until IS NULL OR claimed_until < ?3)")
        .setParameter(1, now)
        .setParameter(2, maxAttempts)
        .setParameter(3, now)
        .executeUpdate();
  }

  /**
   * Gives up every mail whose second claim expired after an unconfirmed delivery: it may have been
   * sent twice already, so a third send is not risked. Sets {@code failed_at}, drops the bodies and
   * says why in {@code last_error}.
   *
   * @return how many rows were given up
   */
  int giveUpUnconfirmed() {
    LocalDateTime now = TIME.convertToDatabaseColumn(clock.instant());
    return em.createNativeQuery(
            "UPDATE fs_mail_outbox SET unconfirmed = unconfirmed + 1, failed_at = ?1,"
                + " text_body = NULL, html_body = NULL, claimed_until = NULL, last_error = ?2"
                + " WHERE sent_at IS NULL AND failed_at IS NULL AND unconfirmed > 0"
                + " AND claimed_until < ?3")
        .setParameter(1, now)
        .setParameter(2, UNCONFIRMED_TWICE)
        .setParameter(3, now)
        .executeUpdate();
  }

  /** Deletes rows sent before {@link #KEEP_SENT} ago; returns how many. */
  int purgeSent() {
    return em.createNativeQuery("DELETE FROM fs_mail_outbox WHERE sent_at < ?1")
        .setParameter(1, TIME.convertToDatabaseColumn(clock.instant().minus(KEEP_SENT)))
        .executeUpdate();
  }

  /** Deletes rows given up before {@code retention} ago; returns how many. */
  int purgeFailed(Duration retention) {
    return em.createNativeQuery("DELETE FROM fs_mail_outbox WHERE failed_at < ?1")
        .setParameter(1, TIME.convertToDatabaseColumn(clock.instant().minus(retention)))
        .executeUpdate();
  }

  /** {@code interval × 2^(attempts-1)}, capped at {@link #MAX_BACKOFF} (or the interval). */
  static Duration backoff(Duration interval, int attempts) {
    Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration delay = interval.multipliedBy(1L << doublings);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  private static String truncate(String reason) {
    String text = reason == null ? "unknown" : reason;
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
  }
}
