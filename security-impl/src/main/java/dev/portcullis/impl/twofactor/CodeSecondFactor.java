package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The code plug-in of the sign-in pipeline (Flask-Security {@code twofactor.CodeTfPlugin}, spec
 * §7.2 step 4): a user whose {@code tf_primary_method} and {@code tf_totp_secret} are both set must
 * pass a code; with {@code security.two_factor_required}, a user without one sets it up first.
 */
@ApplicationScoped
public class CodeSecondFactor implements SecondFactor {

  @Inject TwoFactorConfig config;
  @Inject TotpSecrets secrets;
  @Inject CodeDelivery delivery;

  @Override
  public String name() {
    return "code";
  }

  @Override
  public String methodFor(UserRecord user) {
    String method = user.tfPrimaryMethod();
    return method == null ? name() : method;
  }

  /** Flask's {@code is_tf_setup}: both columns set (whatever the enabled methods are now). */
  @Override
  public boolean isSetUpFor(UserRecord user) {
    return config.enabled() && user.tfPrimaryMethod() != null && user.tfTotpSecret() != null;
  }

  @Override
  public boolean requiresSetUp(UserRecord user) {
    return config.enabled() && config.required();
  }

  @Override
  public Step begin(UserRecord user, HttpServletRequest request) {
    if (!isSetUpFor(user)) {
      TwoFactorStates.put(request, TwoFactorState.of(user.fsUniquifier(), Phase.SETUP_FROM_LOGIN));
      return new Step.Started(
          Jsons.object().add("tf_state", Phase.SETUP_FROM_LOGIN.wireName()).build(),
          config.setupTemplate());
    }
    TwoFactorStates.put(request, TwoFactorState.of(user.fsUniquifier(), Phase.READY));
    String method = user.tfPrimaryMethod();
    Optional<Step> failed = sendIfNeeded(user, method);
    if (failed.isPresent()) {
      return failed.get();
    }
    return new Step.Started(
        Jsons.object()
            .add("tf_state", Phase.READY.wireName())
            .add("tf_primary_method", method)
            .add("tf_method", method)
            .build(),
        config.verifyCodeTemplate());
  }

  /** Mail and SMS users get their code now; a failure ends the step (Flask: JSON 500). */
  private Optional<Step> sendIfNeeded(UserRecord user, String method) {
    String channel = Map.of("email", "email", "mail", "email", "sms", "sms").get(method);
    if (channel == null) {
      return Optional.empty();
    }
    Optional<TotpKey> key = secrets.decrypt(user.tfTotpSecret());
    if (key.isEmpty()) {
      return Optional.of(new Step.Failed(500, "FAILED_TO_SEND_CODE"));
    }
    CodeDelivery.Outcome sent =
        delivery.sendCode(user, channel, key.get(), user.tfPhoneNumber(), method);
    if (sent instanceof CodeDelivery.Outcome.Limited limited) {
      return Optional.of(
          new Step.Failed(429, "CODE_SEND_LIMIT", Map.of("within", limited.retryAfter())));
    }
    return sent instanceof CodeDelivery.Outcome.Failed
        ? Optional.of(new Step.Failed(500, "FAILED_TO_SEND_CODE"))
        : Optional.empty();
  }
}
