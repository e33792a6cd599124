package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.unifiedsignin.UsIdentities;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Makes the plain-Java WebAuthn services CDI beans and registers the feature flags. The {@link
 * RelyingParty} is looked up only when a service is made: a deployment with WebAuthn off needs no
 * implementation of it ({@link WebAuthnStartup} refuses WebAuthn on without one).
 */
@ApplicationScoped
public class WebAuthnBeans {

  @Inject WebAuthnConfig config;
  @Inject PurposeTokens tokens;
  @Inject LinkConfig links;
  @Inject WebAuthnStore store;
  @Inject Instance<RelyingParty> relyingParty;
  @Inject UserStore users;
  @Inject UsIdentities identities;
  @Inject EventPublisher events;
  @Inject Clock clock;

  /** {@code security.webauthn}. */
  @Produces
  FeatureFlag flag() {
    return new FeatureFlag(Feature.WEBAUTHN, config.enabled());
  }

  /** {@code /wan-verify}: WebAuthn on and {@code security.wan_allow_as_verify} not empty. */
  @Produces
  FeatureFlag verifyFlag() {
    return new FeatureFlag(Feature.WEBAUTHN_VERIFY, config.verifyEnabled());
  }

  @Produces
  WanStates states() {
    return new WanStates(tokens, config);
  }

  @Produces
  RelyingPartyIdentity identity() {
    return new RelyingPartyIdentity(config, links);
  }

  @Produces
  WanRegistration registration() {
    return new WanRegistration(config, states(), store, relyingParty.get(), events, clock);
  }

  /** Per request: the throttle guard is the request's. */
  @Produces
  WanAssertions assertions(CredentialGuard guard) {
    return new WanAssertions(
        config, states(), store, relyingParty.get(), users, identities::find, guard, events, clock);
  }
}
