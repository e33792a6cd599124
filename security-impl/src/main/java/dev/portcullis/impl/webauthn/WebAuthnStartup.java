package dev.portcullis.impl.webauthn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Refuses to start with {@code security.webauthn=true} but no {@link RelyingParty} implementation
 * in the application (the webauthn4j adapter missing from the WAR): every ceremony would fail.
 */
@ApplicationScoped
public class WebAuthnStartup {

  @Inject WebAuthnConfig config;
  @Inject Instance<RelyingParty> relyingParty;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    check(config, relyingParty.isResolvable());
  }

  /** Throws when WebAuthn is on without a relying party. */
  static void check(WebAuthnConfig config, boolean relyingPartyPresent) {
    if (config.enabled() && !relyingPartyPresent) {
      throw new IllegalStateException(
          "Portcullis configuration: security.webauthn is true but no WebAuthn relying party"
              + " (dev.portcullis.impl.webauthn.RelyingParty) is deployed: add Portcullis'"
              + " webauthn4j adapter to the application or set security.webauthn=false");
    }
  }
}
