package dev.portcullis.impl.recoverycodes;

import dev.portcullis.event.RecoveryCodeUsed;
import dev.portcullis.event.RecoveryCodesGenerated;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.spi.UserRecord;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recovery codes (Flask-Security {@code recovery_codes.py}, spec §1.2 #15–#16, §5.11): generate a
 * set replacing the old one, show them, and redeem one in place of a second factor — once, on every
 * node (the redemption is a conditional replacement of the stored set).
 */
@ApplicationScoped
public class RecoveryCodesService {

  @Inject RecoveryCodesConfig config;
  @Inject RecoveryCodeStore store;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject Clock clock;
  @Inject CredentialGuard guard;

  private final SecureRandom random = new SecureRandom();
  private RecoveryCodeCipher cipher;

  /** The outcome of redeeming a code. */
  public sealed interface RedeemOutcome {
    /** Missing or not one of the user's codes. */
    record Rejected(Map<String, List<String>> fieldErrors) implements RedeemOutcome {}

    /** The code is used up; the second factor counts as passed. */
    record Redeemed(int remaining) implements RedeemOutcome {}
  }

  @PostConstruct
  void build() {
    cipher = new RecoveryCodeCipher(config.fernetKeys(), config.ttl(), clock, random);
  }

  /** The user's codes as they can be read now ({@code GET /mf-recovery-codes}). */
  public List<String> readable(UserRecord user) {
    return new RecoveryCodes(user.mfRecoveryCodes()).readable(cipher);
  }

  /** A new set replacing the old one; the plain codes, to be shown once. */
  public List<String> generate(UserRecord user) {
    RecoveryCodes.Generated generated = RecoveryCodes.generate(config.count(), cipher, random);
    store.replace(user.id(), generated.codes().stored());
    events.publish(new RecoveryCodesGenerated(user.toSecurityUser(), generated.plain().size()));
    return generated.plain();
  }

  /** Redeems the form's {@code code} for {@code user}. */
  public RedeemOutcome redeem(UserRecord user, Form form) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new RedeemOutcome.Rejected(errors.toMap());
    }
    Optional<String> code = form.text("code");
    if (code.isEmpty()) {
      return rejected("FIELD_REQUIRED");
    }
    ThrottleSubject codes = ThrottleSubject.codes(user);
    if (guard.refuses(codes)) {
      return rejected("TOO_MANY_FAILED_ATTEMPTS");
    }
    RecoveryCodes current = new RecoveryCodes(user.mfRecoveryCodes());
    Optional<RecoveryCodes> remaining = current.redeem(code.get(), cipher);
    if (remaining.isEmpty()
        || !store.replaceIfUnchanged(user.id(), current.stored(), remaining.get().stored())) {
      guard.failed(codes);
      return rejected("INVALID_RECOVERY_CODE");
    }
    guard.succeeded(codes);
    int left = remaining.get().stored().size();
    events.publish(new RecoveryCodeUsed(user.toSecurityUser(), left));
    return new RedeemOutcome.Redeemed(left);
  }

  private RedeemOutcome rejected(String messageKey) {
    return new RedeemOutcome.Rejected(
        new FieldErrors().add("code", messages.text(messageKey)).toMap());
  }
}
