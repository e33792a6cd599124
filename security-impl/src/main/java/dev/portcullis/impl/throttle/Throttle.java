package dev.portcullis.impl.throttle;

import dev.portcullis.event.UserLockedOut;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The throttle of failed secret checks (Portcullis' own; Flask-Security leaves brute force to
 * Flask-Limiter): ask {@link #check} before checking a password, code or token, then tell {@link
 * #recordFailure} or {@link #recordSuccess}. The rules are {@link ThrottlePolicy}'s; the counters
 * live in the {@link ThrottleStore}, shared by every node. A new lockout of an account fires {@link
 * UserLockedOut}.
 *
 * <p>Request code uses {@link CredentialGuard}, which adds the client address and turns a refusal
 * into the 429 answer.
 */
@ApplicationScoped
public class Throttle {

  private static final Logger LOG = Logger.getLogger(Throttle.class.getName());

  private ThrottleConfig config;
  private ThrottlePolicy policy;
  private MailLimit mailLimit;
  private ThrottleStore store;
  private Clock clock;
  private EventPublisher events;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  /** For CDI. */
  protected Throttle() {}

  @Inject
  Throttle(ThrottleConfig config, ThrottleStore store, Clock clock, EventPublisher events) {
    this.config = config;
    this.policy = new ThrottlePolicy(config);
    this.mailLimit = new MailLimit(config.mail());
    this.store = store;
    this.clock = clock;
    this.events = events;
  }

  /** Whether the throttle is on ({@code security.throttle}). */
  public boolean enabled() {
    return config.enabled();
  }

  /**
   * Whether a secret may be checked for all of {@code subjects} now; when any must wait, the
   * longest wait (a lockout before a mere wait).
   */
  public ThrottleVerdict check(ThrottleSubject... subjects) {
    if (!config.enabled()) {
      return ThrottleVerdict.ALLOWED;
    }
    Instant now = clock.instant();
    ThrottleVerdict verdict = ThrottleVerdict.ALLOWED;
    for (ThrottleSubject subject : subjects) {
      ThrottleVerdict one = policy.decide(limits(subject), store.find(subject.key()), now);
      verdict = stricter(verdict, one);
    }
    return verdict;
  }

  /**
   * Counts one failure against each of {@code subjects}; tells {@link SecretCheckFailed} (for the
   * metrics) even when the throttle is off.
   */
  public void recordFailure(ThrottleSubject... subjects) {
    if (events != null && subjects.length > 0) {
      events.publish(new SecretCheckFailed(subjects[0].secret()));
    }
    if (!config.enabled()) {
      return;
    }
    Instant now = clock.instant();
    for (ThrottleSubject subject : subjects) {
      count(subject, now);
    }
    purgeNowAndThen(now);
  }

  /**
   * A right secret: forgets the failures of {@code subject}. Only an account's subject: a client
   * address is not forgiven by one right password (an attacker may own one account).
   */
  public void recordSuccess(ThrottleSubject subject) {
    if (config.enabled() && subject.kind() == ThrottleSubject.Kind.ACCOUNT) {
      store.forget(subject.key());
    }
  }

  /**
   * Counts a request that mails someone against each of {@code subjects} in turn (typed emails and
   * accounts under {@code security.throttle_mail_account_limit}, client addresses under {@code
   * security.throttle_mail_address_limit}), unless one has used up its mails for the period: then
   * it and the subjects after it are not counted, nothing is sent, and the wait is returned. Known
   * and unknown emails count alike, so the limit tells nothing about accounts.
   */
  public Optional<Duration> requestMail(ThrottleSubject... subjects) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    for (ThrottleSubject subject : subjects) {
      int limit =
          subject.kind() == ThrottleSubject.Kind.ADDRESS
              ? config.mail().perAddress()
              : config.mail().perAccount();
      Optional<Duration> refused = countMail(subject, limit, now);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /** One more mail request of {@code subject}, in the same locked update as its check. */
  private Optional<Duration> countMail(ThrottleSubject subject, int limit, Instant now) {
    AtomicReference<Optional<Duration>> refusal = new AtomicReference<>(Optional.empty());
    java.util.function.Function<Optional<ThrottleCounter>, ThrottleCounter> change =
        counter -> {
          refusal.set(mailLimit.refusal(counter, limit, now));
          return refusal.get().isPresent()
              ? counter.orElseThrow()
              : mailLimit.afterRequest(counter, now);
        };
    try {
      store.update(subject.key(), change);
    } catch (RuntimeException firstInsertRace) {
      store.update(subject.key(), change);
    }
    return refusal.get();
  }

  private void count(ThrottleSubject subject, Instant now) {
    AtomicReference<Optional<ThrottleCounter>> before = new AtomicReference<>(Optional.empty());
    ThrottleCounter after = updateWithRetry(subject, now, before);
    if (ThrottlePolicy.newlyLocked(before.get(), after, now)) {
      Instant until = after.lockedUntil().orElseThrow();
      LOG.info(() -> "Throttle: " + subject.kind() + " locked until " + until);
      subject
          .user()
          .ifPresent(
              user ->
                  events.publish(
                      new UserLockedOut(user.toSecurityUser(), subject.secret(), until)));
    }
  }

  private ThrottleCounter updateWithRetry(
      ThrottleSubject subject, Instant now, AtomicReference<Optional<ThrottleCounter>> before) {
    try {
      return update(subject, now, before);
    } catch (RuntimeException firstInsertRace) {
      // Another node inserted the subject's first row at the same moment: it exists now.
      return update(subject, now, before);
    }
  }

  private ThrottleCounter update(
      ThrottleSubject subject, Instant now, AtomicReference<Optional<ThrottleCounter>> before) {
    return store.update(
        subject.key(),
        counter -> {
          before.set(counter);
          return policy.afterFailure(limits(subject), counter, now);
        });
  }

  /** Stale counters are deleted at most once per window per node, by a request that failed. */
  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (now.isAfter(last.plus(config.window())) && lastPurge.compareAndSet(last, now)) {
      Duration failures = config.window().plus(config.lockout());
      Duration mails = config.mail().period();
      Instant staleBefore = now.minus(failures.compareTo(mails) > 0 ? failures : mails);
      store.forgetOlderThan(staleBefore);
    }
  }

  private Limits limits(ThrottleSubject subject) {
    return subject.kind() == ThrottleSubject.Kind.ADDRESS ? config.address() : config.account();
  }

  private static ThrottleVerdict stricter(ThrottleVerdict a, ThrottleVerdict b) {
    if (!(b instanceof ThrottleVerdict.Refused rb)) {
      return a;
    }
    if (!(a instanceof ThrottleVerdict.Refused ra)) {
      return b;
    }
    if (ra.lockedOut() != rb.lockedOut()) {
      return ra.lockedOut() ? ra : rb;
    }
    return ra.retryAfter().compareTo(rb.retryAfter()) >= 0 ? ra : rb;
  }
}
