package dev.portcullis.impl.mail;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.MailSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox off the request thread: one immediate attempt per new mail on the managed
 * executor, and a sweep every {@code security.mail_retry_interval} on the managed scheduled
 * executor that retries whatever is due (including mails left by a restart or another node).
 *
 * <p>Logs failures at WARNING with the sender's reason only: never a body, link or token.
 */
@ApplicationScoped
public class MailWorker {

  static final int SWEEP_BATCH = 100;
  private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

  @Inject MailOutbox outbox;
  @Inject MailSender sender;
  @Inject MailConfig config;
  @Inject Event<MailOutcome> outcomes;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> sweeps;

  /** Starts the periodic sweep (once). */
  public synchronized void start() {
    if (sweeps == null) {
      long period = config.retryInterval().toMillis();
      sweeps = scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
      LOG.info(
          () -> "Portcullis mail outbox: " + config + ", sweep every " + config.retryInterval());
    }
  }

  /** Stops the periodic sweep; a running sweep finishes its current mail. */
  public synchronized void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
      sweeps = null;
    }
  }

  /**
   * A new mail {@code id} is in the outbox: tells {@link MailOutcome.Kind#QUEUED} and tries to
   * deliver it soon on another thread; the sweep retries if that fails.
   */
  public void deliverSoon(long id) {
    tell(MailOutcome.Kind.QUEUED);
    try {
      executor.execute(() -> deliver(id));
    } catch (RejectedExecutionException e) {
      LOG.fine(() -> "Mail " + id + " left for the next sweep: executor refused the task");
    }
  }

  /**
   * The hand-over of {@link #deliverSoon} for a rehearsed mail whose row is already gone ({@link
   * MailOutbox#rehearse}): the same delivery task on the managed executor, whose claim then finds
   * nothing to send. Why: handing a task to the managed executor captures the request's context and
   * costs a real send measurable time on the request thread, which a stand-in's answer must pay too
   * (issue 8). Tells no {@link MailOutcome}: no mail was queued, so no counter may say one was.
   */
  public void handOverDiscarded(long discardedId) {
    try {
      executor.execute(() -> deliver(discardedId));
    } catch (RejectedExecutionException e) {
      // nothing to leave for the sweep: the row does not exist
    }
  }

  /** One pass over the due mails. Never throws: the scheduler would stop repeating it. */
  void sweep() {
    try {
      for (long id : outbox.due(SWEEP_BATCH)) {
        deliver(id);
      }
      outbox.purge();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Portcullis mail outbox sweep failed: {0}", describe(e));
    }
  }

  /** Claims, sends and marks one mail; does nothing when another thread or node has it. */
  void deliver(long id) {
    try {
      Optional<MailMessage> message = outbox.claim(id);
      if (message.isPresent()) {
        record(id, send(message.get()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Portcullis mail {0}: outbox update failed: {1}", args(id, e));
    }
  }

  private Delivery send(MailMessage message) {
    try {
      return sender.send(message);
    } catch (RuntimeException e) {
      // A custom sender broke its contract; its message might quote the mail, so log the type.
      return Delivery.failed("sender threw " + e.getClass().getName());
    }
  }

  private void record(long id, Delivery delivery) {
    if (delivery instanceof Delivery.Failed failed) {
      Optional<Integer> attempts = outbox.markFailed(id, failed.reason());
      attempts.ifPresent(n -> logFailure(id, n, failed.reason()));
      attempts.ifPresent(
          n ->
              tell(
                  n >= config.maxAttempts() ? MailOutcome.Kind.GIVEN_UP : MailOutcome.Kind.FAILED));
    } else if (outbox.markSent(id)) {
      tell(MailOutcome.Kind.SENT);
    }
  }

  /** Fires {@code kind}; an observer's failure never stops a delivery. */
  private void tell(MailOutcome.Kind kind) {
    if (outcomes == null) {
      return;
    }
    try {
      outcomes.fire(new MailOutcome(kind));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of MailOutcome failed: {0}", describe(e));
    }
  }

  private void logFailure(long id, int attempts, String reason) {
    if (attempts >= config.maxAttempts()) {
      LOG.log(
          Level.WARNING,
          "Portcullis mail {0}: attempt {1} failed, giving up (body dropped; the row stays in"
              + " fs_mail_outbox for {2}): {3}",
          new Object[] {id, attempts, config.failedRetention(), reason});
    } else {
      LOG.log(
          Level.WARNING,
          "Portcullis mail {0}: attempt {1} failed, will retry: {2}",
          new Object[] {id, attempts, reason});
    }
  }

  private static Object[] args(long id, RuntimeException e) {
    return new Object[] {id, describe(e)};
  }

  private static String describe(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }
}
