package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.links.LinkConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelyingPartyIdentityTest {

  @Test
  void resolveWhenRpIdAndOriginsConfiguredThenThoseWhateverTheHost() {
    RelyingPartyIdentity identity =
        identity(
            Optional.of("example.com"),
            List.of("https://app.example.com"),
            WanFixture.links(Optional.empty(), List.of()));

    assertThat(identity.resolve(WanFixture.base("http://attacker.test/api/")))
        .contains(
            new RelyingPartyIdentity.Resolved("example.com", Set.of("https://app.example.com")));
  }

  @Test
  void resolveWhenOnlyRpIdThenHttpsOriginOfIt() {
    RelyingPartyIdentity identity =
        identity(
            Optional.of("example.com"), List.of(), WanFixture.links(Optional.empty(), List.of()));

    assertThat(identity.resolve(WanFixture.base("http://attacker.test/api/")))
        .contains(new RelyingPartyIdentity.Resolved("example.com", Set.of("https://example.com")));
  }

  @Test
  void resolveWhenExternalBaseUrlThenItsHostAndOrigin() {
    RelyingPartyIdentity identity =
        identity(
            Optional.empty(),
            List.of(),
            WanFixture.links(Optional.of("https://App.Example.com:443/sample/api/"), List.of()));

    assertThat(identity.resolve(WanFixture.base("http://attacker.test/api/")))
        .contains(
            new RelyingPartyIdentity.Resolved(
                "app.example.com", Set.of("https://app.example.com")));
  }

  @Test
  void resolveWhenRequestHostTrustedThenItElseNothing() {
    RelyingPartyIdentity identity =
        identity(
            Optional.empty(), List.of(), WanFixture.links(Optional.empty(), List.of("localhost")));

    assertThat(identity.resolve(WanFixture.base("http://localhost:8080/sample/api/")))
        .contains(new RelyingPartyIdentity.Resolved("localhost", Set.of("http://localhost:8080")));
    assertThat(identity.resolve(WanFixture.base("http://attacker.test:8080/sample/api/")))
        .as("a Host header nobody vetted")
        .isEmpty();
  }

  @Test
  void checkWhenWebAuthnOnWithoutRelyingPartyThenStartFails() {
    WanFixture f = new WanFixture();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebAuthnStartup.check(f.config, false))
        .hasMessageContaining("security.webauthn");
    WebAuthnStartup.check(f.config, true);
  }

  private static RelyingPartyIdentity identity(
      Optional<String> rpId, List<String> origins, LinkConfig links) {
    WebAuthnConfig base = new WanFixture().config;
    WebAuthnConfig config =
        new WebAuthnConfig(
            true,
            rpId,
            origins,
            "x",
            32,
            1,
            1,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            true,
            true,
            true,
            Optional.empty(),
            Set.of("first"),
            true,
            base.postRegisterView(),
            base.registerTemplate(),
            base.signinTemplate(),
            base.verifyTemplate());
    return new RelyingPartyIdentity(config, links);
  }
}
