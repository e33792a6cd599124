package dev.portcullis.impl.twofactor;

import dev.portcullis.event.TwoFactorTokenSent;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends two-factor codes (Flask-Security {@code tf_send_security_token}): the code of the current
 * time step of the key, by mail (template {@code two_factor_instructions} through the outbox) or by
 * SMS ({@link SmsSender}), and the help-desk mail of a rescue. Every send counts against the user's
 * limit and the address's ({@code security.two_factor_code_send_limit} per {@code
 * security.two_factor_code_send_period}), so nobody can flood a mailbox or a phone bill.
 *
 * <p>The code goes only to the mail or the phone: never into a log, a reply or an event.
 */
@ApplicationScoped
public class CodeDelivery {

  private static final Logger LOG = Logger.getLogger(CodeDelivery.class.getName());

  @Inject AccountMail mail;
  @Inject SmsSender sms;
  @Inject PhoneNumbers phoneNumbers;
  @Inject TwoFactorStore store;
  @Inject TwoFactorConfig config;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject Clock clock;
  @Inject StandInSendKeys standIns;

  /** When stale per-address counters were last deleted on this node. */
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  /** How a send went. */
  public sealed interface Outcome {
    /** Handed to the mail outbox or accepted by the SMS provider. */
    record Sent() implements Outcome {}

    /**
     * Not sent: the user's limit is reached; the next send may happen in {@code wait}.
     *
     * @param retryAfter how long until the next send may happen, in whole minutes
     */
    record Limited(Duration retryAfter) implements Outcome {}

    /** Not sent: the SMS provider refused or could not be reached. */
    record Failed() implements Outcome {}
  }

  /**
   * Sends a code of {@code key} by {@code method} ({@code email} or {@code sms}) to {@code user}'s
   * address or to {@code phone}: the code of the current time step, or of the first step after the
   * last one used with this key when that is later — a code just used (a sign-in a moment ago)
   * would otherwise be sent again and be refused as a replay.
   *
   * @param usedStepsOf the method whose used steps belong to {@code key} (the user's {@code
   *     tf_primary_method}), or {@code null} for a new key
   */
  public Outcome sendCode(
      UserRecord user, String method, TotpKey key, String phone, String usedStepsOf) {
    // Flask-Security stored numbers as typed: dial them in E.164 where they parse.
    String to =
        method.equals("sms")
            ? (phone == null ? "" : phoneNumbers.canonical(phone).orElse(phone))
            : null;
    Outcome allowed = admit(user, method, to);
    if (!(allowed instanceof Outcome.Sent)) {
      return allowed;
    }
    long step = OneTimeCodes.stepAt(clock.instant());
    if (usedStepsOf != null) {
      step = Math.max(step, store.lastUsedStep(user.id(), usedStepsOf) + 1);
    }
    String code = OneTimeCodes.codeAt(key, step);
    if (method.equals("sms")) {
      Delivery delivery = sms.send(to, messages.text("USE_CODE", Map.of("code", code)));
      if (delivery instanceof Delivery.Failed failed) {
        LOG.warning(() -> "Two-factor SMS for user " + user.id() + " not sent: " + failed.reason());
        return new Outcome.Failed();
      }
    } else {
      mail.send(
          MailTemplate.TWO_FACTOR_INSTRUCTIONS,
          user,
          Map.of("code", code, "username", usernameOf(user), "method", method));
    }
    events.publish(
        new TwoFactorTokenSent(user.toSecurityUser(), method, method.equals("sms") ? phone : null));
    return allowed;
  }

  /** Mails the help desk ({@code security.two_factor_rescue_mail}) about {@code user}. */
  public Outcome mailHelpDesk(UserRecord user) {
    Outcome allowed = count(user, null);
    if (allowed instanceof Outcome.Sent) {
      String method = user.tfPrimaryMethod() == null ? "" : user.tfPrimaryMethod();
      mail.send(
          MailTemplate.TWO_FACTOR_RESCUE,
          config.rescueMail(),
          user,
          Map.of("email", user.email(), "method", method, "username", usernameOf(user)));
    }
    return allowed;
  }

  /**
   * Counts a code about to go to {@code user} by {@code method}: to the user's mail address for
   * {@code email}, to {@code phone} (E.164) for {@code sms}. Both the user and the address have
   * their limit ({@code security.two_factor_code_send_limit} per {@code
   * security.two_factor_code_send_period}); unified sign-in counts its codes here too.
   *
   * @return {@link Outcome.Sent} when the code may go out now, else {@link Outcome.Limited}
   */
  public Outcome admit(UserRecord user, String method, String phone) {
    String address = method.equals("sms") ? "sms:" + phone : "email:" + user.email();
    return count(user, sha256Hex(address.toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * What {@link #admit} does, for a stand-in (generic responses: a code request for an identity
   * that gets no code, because it names nobody or may not get one by {@code method}): the same
   * statements, locks and transactions, on a stand-in row of a fixed pool chosen by a keyed hash of
   * {@code identity} ({@link StandInSendKeys}) instead of the user's, and on the identity's own
   * counter instead of the address's. Nothing is sent and no user's or address's count changes; the
   * identity's counter makes the stand-in {@link Outcome.Limited} after as many requests per period
   * as a user, so a flood answers in the same time for both, sent or refused.
   *
   * @param identity the identity as typed (an email normalized)
   */
  public Outcome admitStandIn(String method, String identity) {
    StandInSendKeys.Rows rows = standIns.of(method, identity);
    Instant now = clock.instant();
    Duration period = config.codeSendPeriod();
    int limit = config.codeSendLimit();
    purgeNowAndThen(now);
    return outcome(
        now,
        retried(() -> store.countStandInSend(rows.slot(), rows.counter(), now, period, limit)));
  }

  private Outcome count(UserRecord user, String addressHash) {
    Instant now = clock.instant();
    Duration period = config.codeSendPeriod();
    int limit = config.codeSendLimit();
    purgeNowAndThen(now);
    return outcome(now, retried(() -> store.countSend(user.id(), addressHash, now, period, limit)));
  }

  private static Outcome outcome(Instant now, Optional<Instant> next) {
    return next.<Outcome>map(at -> new Outcome.Limited(wholeMinutes(Duration.between(now, at))))
        .orElseGet(Outcome.Sent::new);
  }

  /**
   * Runs a count, once more if it failed: its transaction rolled back (nothing counted), e.g. after
   * two first sends to one address both inserted its row when the stale-row purge had just deleted
   * it ({@link #purgeNowAndThen}).
   */
  private static Optional<Instant> retried(Supplier<Optional<Instant>> count) {
    try {
      return count.get();
    } catch (RuntimeException lostInsertRace) {
      return count.get();
    }
  }

  /**
   * Once per period on this node, deletes the counters of addresses (and of stand-ins' typed
   * identities) whose period is over: they would start a new one at their next send anyway.
   */
  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (now.isAfter(last.plus(config.codeSendPeriod())) && lastPurge.compareAndSet(last, now)) {
      try {
        int gone = store.forgetAddressSendsBefore(now.minus(config.codeSendPeriod()));
        LOG.fine(() -> "Code sends: " + gone + " per-address counters past their period deleted");
      } catch (RuntimeException e) {
        // housekeeping only: the next period tries again
        LOG.log(Level.WARNING, "Code sends: deleting past per-address counters failed", e);
      }
    }
  }

  private static Duration wholeMinutes(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return Duration.ofMinutes(minutes);
  }

  /** Addresses are counted, never stored: the hash recognises one without revealing it. */
  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static String usernameOf(UserRecord user) {
    return user.username() != null ? user.username() : user.email();
  }
}
