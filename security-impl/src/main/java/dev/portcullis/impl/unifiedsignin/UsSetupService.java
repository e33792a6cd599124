package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.event.UsProfileChanged;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.impl.totp.TotpCheck;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.impl.twofactor.AuthenticatorSetup;
import dev.portcullis.impl.twofactor.CodeDelivery;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adding and removing unified sign-in methods (Flask-Security {@code us_setup} and {@code
 * us_setup_validate}, spec §7.5): a new method gets a new secret that is stored only after its
 * first code was accepted, carried meanwhile in a signed state bound to the user ({@link
 * UsSetupStates}); removing is immediate, but never of the user's last way to sign in.
 */
@ApplicationScoped
public class UsSetupService {

  /** The fields {@code /us-setup} reads besides the list {@code delete_method}. */
  public static final List<String> FIELDS = List.of("chosen_method", "phone");

  @Inject UnifiedSigninConfig config;
  @Inject UnifiedSigninService signin;
  @Inject UnifiedSigninStore store;
  @Inject UsSetupStates states;
  @Inject UsCodeSender sender;
  @Inject TotpSecrets secrets;
  @Inject AuthenticatorSetup authenticator;
  @Inject PhoneNumbers phoneNumbers;
  @Inject UserStore users;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject Clock clock;

  /** The outcome of {@code POST /us-setup}. */
  public sealed interface SetupOutcome {
    /** Nothing changed. {@code status} 400 (form), 429 (send limit) or 500 (provider). */
    record Rejected(int status, Map<String, List<String>> fieldErrors) implements SetupOutcome {}

    /** Methods were removed, none added. */
    record Removed() implements SetupOutcome {}

    /**
     * A new method waits for its first code.
     *
     * @param fields the reply's fields ({@code chosen_method}, {@code phone}, {@code state}, {@code
     *     authr_*} for an authenticator)
     * @param qrCode the QR code's data URI for an authenticator (pages only), else empty
     */
    record Started(JsonObject fields, Optional<String> qrCode) implements SetupOutcome {}
  }

  /** The outcome of {@code POST /us-setup/<state>}. */
  public sealed interface ValidateOutcome {
    /** Refused with this form-level or field message. */
    record Rejected(String field, String message) implements ValidateOutcome {}

    /** The method is stored. */
    record Stored(String method, String phone) implements ValidateOutcome {}
  }

  /** Removes {@code delete} methods, then starts setting up {@code chosen_method}, if given. */
  public SetupOutcome setup(UserRecord user, Form form, List<String> delete) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new SetupOutcome.Rejected(400, errors.toMap());
    }
    Optional<String> method = form.text("chosen_method");
    if (method.isEmpty() && delete.isEmpty()) {
      return new SetupOutcome.Rejected(400, errors.add("", messages.text("API_ERROR")).toMap());
    }
    List<String> active = signin.activeMethods(user);
    boolean deletable = delete.stream().allMatch(m -> !m.equals("password") && active.contains(m));
    if (!deletable) {
      errors.add("delete_method", messages.text("US_METHOD_NOT_AVAILABLE"));
    }
    if (method.isPresent() && !config.setupMethods().contains(method.get())) {
      errors.add("chosen_method", messages.text("US_METHOD_NOT_AVAILABLE"));
    }
    Optional<String> phone = Optional.empty();
    if (errors.isEmpty() && method.isPresent() && method.get().equals("sms")) {
      phone = phone(user, form.text("phone"), errors);
    }
    if (!errors.isEmpty()) {
      return new SetupOutcome.Rejected(400, errors.toMap());
    }
    if (!delete.isEmpty()) {
      if (!store.remove(user.id(), delete)) {
        errors.add("delete_method", messages.text("US_LAST_METHOD"));
        return new SetupOutcome.Rejected(400, errors.toMap());
      }
      events.publish(new UsProfileChanged(user.toSecurityUser(), delete, true));
    }
    return method.isEmpty()
        ? new SetupOutcome.Removed()
        : start(user, method.get(), phone.orElse(null));
  }

  /** Checks the first code of the method in {@code state}, then stores the method. */
  public ValidateOutcome validate(UserRecord user, String state, Optional<String> passcode) {
    UsSetupStates.Read read = states.read(state, user);
    if (read instanceof UsSetupStates.Read.Expired) {
      return new ValidateOutcome.Rejected(
          "", messages.text("US_SETUP_EXPIRED", Map.of("within", config.setupWithin())));
    }
    if (!(read instanceof UsSetupStates.Read.Valid valid)
        || !config.setupMethods().contains(valid.method())
        || valid.secret().equals(UsTotpSecrets.read(user.usTotpSecrets()).get(valid.method()))) {
      // The last test makes a state single use: once stored, its secret is the user's.
      return new ValidateOutcome.Rejected("", messages.text("API_ERROR"));
    }
    Optional<TotpKey> key = secrets.decrypt(valid.secret());
    OptionalLong step =
        key.isEmpty() || passcode.isEmpty()
            ? OptionalLong.empty()
            : TotpCheck.match(
                key.get(),
                passcode.get(),
                clock.instant(),
                config.tokenValidity(),
                TotpCheck.NONE_USED);
    if (step.isEmpty()) {
      return new ValidateOutcome.Rejected("passcode", messages.text("INVALID_PASSWORD_CODE"));
    }
    String phone = valid.method().equals("sms") ? valid.phone() : null;
    store.setUp(user.id(), valid.method(), valid.secret(), phone, step.getAsLong());
    events.publish(new UsProfileChanged(user.toSecurityUser(), List.of(valid.method()), false));
    return new ValidateOutcome.Stored(valid.method(), phone != null ? phone : user.usPhoneNumber());
  }

  /**
   * Sets up the email method of a user registered without a password (Flask-Security {@code
   * us_setup_email}): the mailed code is then the user's way in.
   */
  public void enrolEmail(UserRecord user) {
    store.setUp(user.id(), "email", secrets.encrypt(secrets.newKey()), null, TotpCheck.NONE_USED);
  }

  private Optional<String> phone(UserRecord user, Optional<String> typed, FieldErrors errors) {
    Optional<String> phone = typed.flatMap(phoneNumbers::canonical);
    if (phone.isEmpty()) {
      errors.add("phone", messages.text("PHONE_INVALID"));
      return phone;
    }
    boolean taken =
        users
            .findByIdentity(IdentityAttribute.US_PHONE_NUMBER, phone.get(), false)
            .filter(other -> other.id() != user.id())
            .isPresent();
    if (taken) {
      errors.add(
          "phone",
          messages.text(
              "IDENTITY_ALREADY_ASSOCIATED",
              Map.of("attr", "us_phone_number", "value", phone.get())));
    }
    return phone;
  }

  private SetupOutcome start(UserRecord user, String method, String phone) {
    TotpKey key = secrets.newKey();
    String secret = secrets.encrypt(key);
    JsonObjectBuilder fields = Jsons.object().add("chosen_method", method);
    if (phone == null) {
      fields.addNull("phone");
    } else {
      fields.add("phone", phone);
    }
    Optional<String> qrCode = Optional.empty();
    if (method.equals("authenticator")) {
      JsonObject values = authenticator.values(user, key);
      fields
          .add("authr_key", values.getString("tf_authr_key"))
          .add("authr_username", values.getString("tf_authr_username"))
          .add("authr_issuer", values.getString("tf_authr_issuer"));
      qrCode = Optional.of(values.getString("tf_authr_qrcode"));
    } else {
      CodeDelivery.Outcome sent = sender.send(user, method, key, phone, false, Optional.empty());
      if (!(sent instanceof CodeDelivery.Outcome.Sent)) {
        boolean limited = sent instanceof CodeDelivery.Outcome.Limited;
        String text =
            limited
                ? messages.text(
                    "CODE_SEND_LIMIT",
                    Map.of("within", ((CodeDelivery.Outcome.Limited) sent).retryAfter()))
                : messages.text("FAILED_TO_SEND_CODE");
        return new SetupOutcome.Rejected(
            limited ? 429 : 500, new FieldErrors().add("chosen_method", text).toMap());
      }
    }
    fields.add("state", states.create(user, method, secret, phone));
    return new SetupOutcome.Started(fields.build(), qrCode);
  }
}
