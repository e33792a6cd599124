package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.webauthn.WebAuthnConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebAuthnConfigurationTest {

  @Test
  void constructorWhenNothingSetThenFlaskDefaultsAndOff() {
    WebAuthnConfig config = read(Map.of());

    assertThat(config.enabled()).isFalse();
    assertThat(config.rpName()).isEqualTo("My Flask App");
    assertThat(config.challengeBytes()).isEqualTo(32);
    assertThat(config.registerTimeoutMillis()).isEqualTo(60000);
    assertThat(config.signinTimeoutMillis()).isEqualTo(60000);
    assertThat(config.registerWithin()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.signinWithin()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.allowAsFirstFactor()).isTrue();
    assertThat(config.allowAsMultiFactor()).isTrue();
    assertThat(config.allowUserHints()).isTrue();
    assertThat(config.allowAsVerify()).containsExactlyInAnyOrder("first", "secondary");
    assertThat(config.rpId()).isEmpty();
    assertThat(config.origins()).isEmpty();
    assertThat(config.firstFactorAttachment()).isEmpty();
  }

  @Test
  void constructorWhenFirstFactorAttachmentSetThenHintOrFailsOnUnknown() {
    assertThat(
            read(Map.of("security.wan_first_factor_attachment", "Platform"))
                .firstFactorAttachment())
        .contains("platform");
    assertThat(
            read(Map.of("security.wan_first_factor_attachment", "cross-platform"))
                .firstFactorAttachment())
        .contains("cross-platform");
    assertThat(read(Map.of("security.wan_first_factor_attachment", "any")).firstFactorAttachment())
        .isEmpty();
    assertThatThrownBy(() -> read(Map.of("security.wan_first_factor_attachment", "usb")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.wan_first_factor_attachment");
  }

  @Test
  void constructorWhenWebAuthnOnWithoutAnyWayToTheRpIdThenFailsNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("security.webauthn", "true")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.wan_rp_id")
        .hasMessageContaining("Host");
  }

  @Test
  void constructorWhenWebAuthnOnWithTrustedHostsOrBaseUrlOrRpIdThenStarts() {
    assertThat(
            read(Map.of("security.webauthn", "true", "security.trusted_hosts", "localhost"))
                .enabled())
        .isTrue();
    assertThat(
            read(Map.of(
                    "security.webauthn", "true",
                    "security.external_base_url", "https://app.example.com/api"))
                .enabled())
        .isTrue();
    WebAuthnConfig config =
        read(
            Map.of(
                "security.webauthn", "true",
                "security.wan_rp_id", "Example.COM",
                "security.wan_origins", "https://app.example.com, https://example.com:8443"));
    assertThat(config.rpId()).contains("example.com");
    assertThat(config.origins())
        .containsExactly("https://app.example.com", "https://example.com:8443");
  }

  @Test
  void constructorWhenRpIdOrOriginMalformedOrOffDomainThenFails() {
    assertThatThrownBy(() -> read(Map.of("security.wan_rp_id", "https://example.com")))
        .hasMessageContaining("security.wan_rp_id");
    assertThatThrownBy(() -> read(Map.of("security.wan_origins", "https://app.example.com/path")))
        .hasMessageContaining("security.wan_origins");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "security.wan_rp_id", "example.com",
                        "security.wan_origins", "https://evil-example.com")))
        .hasMessageContaining("not on the domain");
  }

  @Test
  void constructorWhenVerifyUsagesNoneOrUnknownThenNoVerifyOrFails() {
    assertThat(
            read(Map.of(
                    "security.webauthn",
                    "true",
                    "security.trusted_hosts",
                    "localhost",
                    "security.wan_allow_as_verify",
                    "none"))
                .verifyEnabled())
        .isFalse();
    assertThat(
            read(Map.of(
                    "security.webauthn",
                    "true",
                    "security.trusted_hosts",
                    "localhost",
                    "security.freshness",
                    "-1 minutes"))
                .verifyEnabled())
        .isFalse();
    assertThatThrownBy(() -> read(Map.of("security.wan_allow_as_verify", "first,third")))
        .hasMessageContaining("security.wan_allow_as_verify");
    assertThatThrownBy(() -> read(Map.of("security.wan_challenge_bytes", "8")))
        .hasMessageContaining("security.wan_challenge_bytes");
  }

  private static WebAuthnConfig read(Map<String, String> values) {
    return new SecurityConfiguration(MapConfig.valid(values)).webAuthn();
  }
}
