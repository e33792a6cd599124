package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.KeyReauthentication;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Flask-Security's {@code has_webauthn_verify_credential}: whether a user owns a key {@code
 * /wan-verify} accepts, for the answers of {@code /verify}, {@code /us-verify} and a freshness
 * denial. Needs no relying party, so those answers work whatever is deployed.
 */
@ApplicationScoped
public class WanVerifyCredentials implements KeyReauthentication {

  @Inject WebAuthnConfig config;
  @Inject WebAuthnStore store;

  /** Whether {@code user} can re-authenticate with a key. */
  @Override
  public boolean has(UserRecord user) {
    return config.verifyEnabled()
        && store.credentialsOf(user.id()).stream()
            .anyMatch(key -> config.allowAsVerify().contains(key.usage()));
  }

  /** Whether the caller of {@code request} can; false for nobody. */
  public boolean has(HttpServletRequest request) {
    return Authentication.of(request).map(a -> has(a.user())).orElse(false);
  }
}
