package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorStates;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * WebAuthn as a second factor (Flask-Security {@code webauthn.WebAuthnTfPlugin}, spec §7.2 step 5):
 * a user with a {@code secondary} key must pass it after the first factor, at {@code /wan-signin}
 * with the sign-in pending ({@code is_secondary}).
 */
@ApplicationScoped
public class WebAuthnSecondFactor implements SecondFactor {

  @Inject WebAuthnConfig config;
  @Inject WebAuthnStore store;

  @Override
  public String name() {
    return "webauthn";
  }

  @Override
  public boolean isSetUpFor(UserRecord user) {
    return config.enabled()
        && store.credentialsOf(user.id()).stream()
            .anyMatch(key -> WebAuthnConfig.SECONDARY.equals(key.usage()));
  }

  @Override
  public Step begin(UserRecord user, HttpServletRequest request) {
    TwoFactorStates.put(
        request, TwoFactorState.of(user.fsUniquifier(), TwoFactorState.Phase.READY));
    return new Step.Started(
        Jsons.object()
            .add("tf_state", TwoFactorState.Phase.READY.wireName())
            .add("tf_method", name())
            .build(),
        config.signinTemplate());
  }
}
