package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rescue for a user who cannot pass their second factor (Flask-Security {@code
 * views.two_factor_rescue}, {@code twofactor.set_rescue_options}, spec §1.2 #13, §7.4): mail a code
 * from the same secret to the user's address, ask the help desk, or use a recovery code.
 */
@ApplicationScoped
public class TwoFactorRescueService {

  @Inject TwoFactorConfig config;
  @Inject TotpSecrets secrets;
  @Inject CodeDelivery delivery;
  @Inject TwoFactorService twoFactor;
  @Inject Messages messages;

  /** The outcome of {@code POST /tf-rescue}. */
  public sealed interface RescueOutcome {
    /** Not one of the user's options. */
    record Rejected(Map<String, List<String>> fieldErrors) implements RescueOutcome {}

    /** A code was mailed to the user, or the help desk was mailed. */
    record Done(String choice) implements RescueOutcome {}

    /** The user goes on to enter a recovery code. */
    record UseRecoveryCode() implements RescueOutcome {}

    /**
     * The mail could not be sent.
     *
     * @param status 429 (send limit) or 500
     */
    record NotSent(int status, Map<String, List<String>> fieldErrors) implements RescueOutcome {}
  }

  /** The rescue options of {@code user}, in Flask's order: {@code help}, {@code email}, ... */
  public List<String> options(UserRecord user) {
    List<String> options = new ArrayList<>(List.of("help"));
    if (config.rescueEmail()) {
      options.add("email");
    }
    if (config.recoveryCodes() && !user.mfRecoveryCodes().isEmpty()) {
      options.add("recovery_code");
    }
    return options;
  }

  /** Carries out the option {@code help_setup} of the form. */
  public RescueOutcome rescue(UserRecord user, Form form) {
    FieldErrors errors = form.typeErrors(messages);
    String choice = form.text("help_setup").orElse("");
    if (errors.isEmpty() && !options(user).contains(choice)) {
      errors.add("help_setup", messages.text("FIELD_NOT_A_CHOICE"));
    }
    if (!errors.isEmpty()) {
      return new RescueOutcome.Rejected(errors.toMap());
    }
    CodeDelivery.Outcome sent;
    switch (choice) {
      case "recovery_code" -> {
        return new RescueOutcome.UseRecoveryCode();
      }
      case "email" -> {
        Optional<TotpKey> key = secrets.decrypt(user.tfTotpSecret());
        sent =
            key.isEmpty()
                ? new CodeDelivery.Outcome.Failed()
                : delivery.sendCode(user, "email", key.get(), null, user.tfPrimaryMethod());
      }
      default -> sent = delivery.mailHelpDesk(user);
    }
    if (sent instanceof CodeDelivery.Outcome.Sent) {
      return new RescueOutcome.Done(choice);
    }
    return new RescueOutcome.NotSent(
        sent instanceof CodeDelivery.Outcome.Limited ? 429 : 500,
        new FieldErrors().add("help_setup", twoFactor.notSentText(sent)).toMap());
  }
}
