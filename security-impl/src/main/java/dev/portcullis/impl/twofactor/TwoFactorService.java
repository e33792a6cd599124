package dev.portcullis.impl.twofactor;

import dev.portcullis.event.TwoFactorCodeConfirmed;
import dev.portcullis.event.TwoFactorDisabled;
import dev.portcullis.event.TwoFactorProfileChanged;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.impl.totp.TotpCheck;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules of two-factor set-up and validation (Flask-Security {@code views.two_factor_setup},
 * {@code two_factor_token_validation}, {@code twofactor.complete_two_factor_process}, spec §7.3):
 * every set-up makes a new secret that only a correct code stores; a code is checked in its
 * method's window (RFC 6238 through {@link TotpCheck}) and accepted once, on every node.
 *
 * <p>Works on values: the caller reads and keeps the {@link TwoFactorState} of the session.
 */
@ApplicationScoped
public class TwoFactorService {

  @Inject TwoFactorConfig config;
  @Inject TwoFactorStore store;
  @Inject TotpSecrets secrets;
  @Inject CodeDelivery delivery;
  @Inject AuthenticatorSetup authenticator;
  @Inject PhoneNumbers phoneNumbers;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject Clock clock;
  @Inject CredentialGuard guard;

  /** The outcome of {@code POST /tf-setup}. */
  public sealed interface SetupOutcome {
    /** The form has errors; nothing changed. */
    record Rejected(Map<String, List<String>> fieldErrors) implements SetupOutcome {}

    /** Two-factor is off for the user now. */
    record Disabled() implements SetupOutcome {}

    /**
     * A new secret waits for its first code.
     *
     * @param state the state to keep ({@code validating_profile})
     * @param fields the reply's fields ({@code tf_state}, {@code tf_method}, {@code tf_authr_*})
     */
    record Started(TwoFactorState state, JsonObject fields) implements SetupOutcome {}

    /**
     * The first code could not be sent; the state is kept, so the user may choose again.
     *
     * @param status 500 (provider failure) or 429 (send limit)
     * @param state the state to keep
     * @param fieldErrors the reason under {@code setup}
     */
    record NotSent(int status, TwoFactorState state, Map<String, List<String>> fieldErrors)
        implements SetupOutcome {}
  }

  /** The outcome of {@code POST /tf-validate}. */
  public sealed interface ValidateOutcome {
    /** Wrong or missing code; {@code state} counts the failure. */
    record Rejected(Map<String, List<String>> fieldErrors, TwoFactorState state)
        implements ValidateOutcome {}

    /** Too many wrong codes: the state and the pending sign-in are to be dropped. */
    record TooManyAttempts() implements ValidateOutcome {}

    /** The code passed; for a new method it is stored now. */
    record Passed(String method) implements ValidateOutcome {}
  }

  /** The methods a user may choose now ({@code tf_available_methods}). */
  public List<String> availableMethods(UserRecord user) {
    List<String> methods = new ArrayList<>();
    if (!config.required() && user.tfPrimaryMethod() != null) {
      methods.add("disable");
    }
    methods.addAll(config.enabledMethods());
    return methods;
  }

  /**
   * Chooses, changes or disables the second factor of {@code user}; {@code uid} is whose state it
   * becomes.
   */
  public SetupOutcome setup(UserRecord user, Form form) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new SetupOutcome.Rejected(errors.toMap());
    }
    String method = normalized(form.text("setup").orElse(""));
    if (method.equals("disable") && !config.required()) {
      store.disable(user.id());
      events.publish(new TwoFactorDisabled(user.toSecurityUser()));
      return new SetupOutcome.Disabled();
    }
    if (!config.enabledMethods().contains(method)) {
      errors.add("setup", messages.text("TWO_FACTOR_METHOD_NOT_AVAILABLE"));
      return new SetupOutcome.Rejected(errors.toMap());
    }
    Optional<String> phone = Optional.empty();
    if (method.equals("sms")) {
      phone = form.text("phone").flatMap(phoneNumbers::canonical);
      if (phone.isEmpty()) {
        errors.add("phone", messages.text("PHONE_INVALID"));
        return new SetupOutcome.Rejected(errors.toMap());
      }
    }
    return start(user, method, phone.orElse(null));
  }

  /**
   * Checks a code. In {@link Phase#READY} against the user's stored method and secret, the step
   * recorded as used; in {@link Phase#VALIDATING_PROFILE} against the new secret of the state,
   * which is then stored.
   *
   * @param changing whether a signed-in user changes their method (else a sign-in)
   */
  public ValidateOutcome validate(
      UserRecord user, TwoFactorState state, Optional<String> code, boolean changing) {
    boolean ready = state.phase() == Phase.READY;
    if (code.isEmpty()) {
      return rejected(state, messages.text("FIELD_REQUIRED"));
    }
    if (ready && guard.refuses(ThrottleSubject.codes(user))) {
      // Not checked and not counted in the state: answered 429 until the wait is over.
      return new ValidateOutcome.Rejected(
          new FieldErrors().add("code", messages.text("TOO_MANY_FAILED_ATTEMPTS")).toMap(), state);
    }
    ValidateOutcome outcome = check(user, state, code.get(), changing);
    if (ready) {
      if (outcome instanceof ValidateOutcome.Passed) {
        guard.succeeded(ThrottleSubject.codes(user));
      } else {
        guard.failed(ThrottleSubject.codes(user));
      }
    }
    return outcome;
  }

  private ValidateOutcome check(
      UserRecord user, TwoFactorState state, String code, boolean changing) {
    boolean ready = state.phase() == Phase.READY;
    String method = ready ? user.tfPrimaryMethod() : state.method();
    String secret = ready ? user.tfTotpSecret() : state.secret();
    Optional<TotpKey> key = secret == null ? Optional.empty() : secrets.decrypt(secret);
    Optional<Duration> window = config.window(method);
    if (key.isEmpty() || window.isEmpty()) {
      return failed(state);
    }
    long lastUsed = ready ? store.lastUsedStep(user.id(), method) : TotpCheck.NONE_USED;
    OptionalLong step = TotpCheck.match(key.get(), code, clock.instant(), window.get(), lastUsed);
    if (step.isEmpty()) {
      return failed(state);
    }
    if (ready) {
      if (!store.useStep(user.id(), method, step.getAsLong())) {
        return failed(state);
      }
      events.publish(new TwoFactorCodeConfirmed(user.toSecurityUser(), method));
      return new ValidateOutcome.Passed(method);
    }
    store.setUp(user.id(), method, secret, state.phone(), step.getAsLong());
    events.publish(
        changing
            ? new TwoFactorProfileChanged(user.toSecurityUser(), method)
            : new TwoFactorCodeConfirmed(user.toSecurityUser(), method));
    return new ValidateOutcome.Passed(method);
  }

  private SetupOutcome start(UserRecord user, String method, String phone) {
    TotpKey key = secrets.newKey();
    TwoFactorState state =
        new TwoFactorState(
            user.fsUniquifier(), Phase.VALIDATING_PROFILE, method, secrets.encrypt(key), phone, 0);
    JsonObjectBuilder fields =
        Jsons.object()
            .add("tf_state", Phase.VALIDATING_PROFILE.wireName())
            .add("tf_primary_method", method)
            .add("tf_method", method);
    if (method.equals("authenticator")) {
      authenticator.values(user, key).forEach(fields::add);
      return new SetupOutcome.Started(state, fields.build());
    }
    CodeDelivery.Outcome sent = delivery.sendCode(user, method, key, phone, null);
    if (sent instanceof CodeDelivery.Outcome.Sent) {
      return new SetupOutcome.Started(state, fields.build());
    }
    return new SetupOutcome.NotSent(
        sent instanceof CodeDelivery.Outcome.Limited ? 429 : 500,
        state,
        new FieldErrors().add("setup", notSentText(sent)).toMap());
  }

  /** The message of a send that did not happen. */
  String notSentText(CodeDelivery.Outcome outcome) {
    return outcome instanceof CodeDelivery.Outcome.Limited limited
        ? messages.text("CODE_SEND_LIMIT", Map.of("within", limited.retryAfter()))
        : messages.text("FAILED_TO_SEND_CODE");
  }

  private ValidateOutcome failed(TwoFactorState state) {
    return rejected(state, messages.text("TWO_FACTOR_INVALID_TOKEN"));
  }

  private ValidateOutcome rejected(TwoFactorState state, String message) {
    TwoFactorState counted = state.failedOnce();
    if (counted.exhausted()) {
      return new ValidateOutcome.TooManyAttempts();
    }
    return new ValidateOutcome.Rejected(new FieldErrors().add("code", message).toMap(), counted);
  }

  /** Flask's legacy {@code mail} is {@code email}; anything else as sent. */
  private static String normalized(String method) {
    return method.equals("mail") ? "email" : method;
  }
}
