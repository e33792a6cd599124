package dev.portcullis.impl.mail;

/**
 * What happened to a mail of the outbox (Portcullis-internal, observed by the metrics): fired
 * synchronously by {@link MailWorker} after the outbox recorded it. Carries no recipient or body.
 *
 * @param kind queued, sent, an attempt failed (to be retried), or given up after the last attempt
 */
public record MailOutcome(Kind kind) {

  /** The outcomes counted. */
  public enum Kind {
    QUEUED,
    SENT,
    FAILED,
    GIVEN_UP
  }
}
