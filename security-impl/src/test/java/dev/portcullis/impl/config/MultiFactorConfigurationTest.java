package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.http.CookieAttributes;
import dev.portcullis.impl.sms.SmsConfig;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiFactorConfigurationTest {

  static final String SECRETS = "1=first-wallet-secret,2=second-wallet-secret";

  @Test
  void constructorWhenNothingSetThenTwoFactorOffWithFlaskWindowsAndNoSmsSender() {
    SecurityConfiguration config = new SecurityConfiguration(MapConfig.valid(Map.of()));

    TwoFactorConfig tf = config.twoFactor();
    assertThat(tf.enabled()).isFalse();
    assertThat(tf.required()).isFalse();
    assertThat(tf.enabledMethods()).containsExactly("email", "authenticator");
    assertThat(tf.window("authenticator")).contains(Duration.ofSeconds(120));
    assertThat(tf.window("google_authenticator")).contains(Duration.ofSeconds(120));
    assertThat(tf.window("mail")).contains(Duration.ofSeconds(300));
    assertThat(tf.window("sms")).contains(Duration.ofSeconds(120));
    assertThat(tf.window("carrier-pigeon")).isEmpty();
    assertThat(tf.alwaysValidate()).isTrue();
    assertThat(tf.loginValidity()).isEqualTo(Duration.ofDays(30));
    assertThat(tf.validityCookie().sameSite()).isEqualTo("Strict");
    assertThat(tf.validityCookie().secure()).isEqualTo(CookieAttributes.Secure.WHEN_REQUEST_SECURE);
    assertThat(tf.validityCookie().httpOnly()).isTrue();
    assertThat(tf.rescueEmail()).isTrue();
    assertThat(tf.codeSendLimit()).isEqualTo(5);
    assertThat(config.sms().service()).isEqualTo(SmsConfig.Service.NONE);
    assertThat(config.sms().phoneRegionDefault()).isEqualTo("US");
    assertThat(config.totp().issuer()).isEqualTo("service_name");
    assertThat(config.totp().secrets()).isEmpty();
    assertThat(config.recoveryCodes().enabled()).isFalse();
    assertThat(config.recoveryCodes().count()).isEqualTo(5);
    assertThat(config.salts()).containsEntry("TWO_FACTOR_VALIDITY", "tf-validity-salt");
  }

  @Test
  void constructorWhenUsSigninReplacesLoginThenBrowsersSignInOnTheUnifiedSigninPage() {
    RedirectsOf plain = new RedirectsOf(Map.of());
    RedirectsOf replaced =
        new RedirectsOf(
            Map.of(
                "security.unified_signin", "true",
                "security.totp_secrets", SECRETS,
                "security.us_signin_replaces_login", "true",
                "security.us_signin_template", "/auth/code.xhtml"));
    RedirectsOf withoutUnifiedSignin =
        new RedirectsOf(Map.of("security.us_signin_replaces_login", "true"));

    assertThat(plain.config().signInTemplate()).isEqualTo(plain.config().loginTemplate());
    assertThat(replaced.config().signInTemplate()).isEqualTo("/auth/code.xhtml");
    assertThat(replaced.config().loginTemplate())
        .as("the login page keeps its own view (and page rule)")
        .isEqualTo(plain.config().loginTemplate());
    assertThat(withoutUnifiedSignin.config().signInTemplate())
        .isEqualTo(plain.config().loginTemplate());
  }

  private record RedirectsOf(Map<String, String> settings) {
    dev.portcullis.impl.views.RedirectConfig config() {
      return new SecurityConfiguration(MapConfig.valid(settings)).redirects();
    }
  }

  @Test
  void constructorWhenTwoFactorWithoutTotpSecretsThenFailsNamingTheKey() {
    assertThatThrownBy(
            () -> new SecurityConfiguration(MapConfig.valid(Map.of("security.two_factor", "true"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.totp_secrets");
  }

  @Test
  void constructorWhenTotpSecretsGivenThenReadAsTagsWithoutEchoingBadOnes() {
    SecurityConfiguration config =
        new SecurityConfiguration(
            MapConfig.valid(
                Map.of("security.two_factor", "true", "security.totp_secrets", SECRETS)));
    assertThat(config.totp().secrets())
        .containsEntry("1", "first-wallet-secret")
        .containsEntry("2", "second-wallet-secret");
    assertThat(config.totp().toString()).doesNotContain("wallet-secret");

    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(Map.of("security.totp_secrets", "just-a-secret-value"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.totp_secrets")
        .hasMessageNotContaining("just-a-secret-value");
  }

  @Test
  void constructorWhenMethodsEmptyOrUnknownThenFails() {
    assertThatThrownBy(() -> twoFactor(Map.of("security.two_factor_enabled_methods", "")))
        .hasMessageContaining("security.two_factor_enabled_methods");
    assertThatThrownBy(() -> twoFactor(Map.of("security.two_factor_enabled_methods", "fax")))
        .hasMessageContaining("fax");
  }

  @Test
  void constructorWhenLegacyMailMethodThenEmail() {
    assertThat(
            twoFactor(Map.of("security.two_factor_enabled_methods", "mail,authenticator,email"))
                .twoFactor()
                .enabledMethods())
        .containsExactly("email", "authenticator");
  }

  @Test
  void constructorWhenHttpSmsWithoutUrlOrAccountThenFailsNamingTheKey() {
    assertThatThrownBy(() -> twoFactor(Map.of("security.sms_service", "http")))
        .hasMessageContaining("security.sms_http_url");
    assertThatThrownBy(
            () ->
                twoFactor(
                    Map.of(
                        "security.sms_service", "http",
                        "security.sms_http_url", "https://sms.example.com/messages")))
        .hasMessageContaining("security.sms_account_sid");
    assertThatThrownBy(() -> twoFactor(Map.of("security.sms_service", "carrier")))
        .hasMessageContaining("security.sms_service");
  }

  @Test
  void constructorWhenHttpSmsCompleteThenSettingsWithoutSecretInToString() {
    SecurityConfiguration config =
        twoFactor(
            Map.of(
                "security.sms_service", "http",
                "security.sms_http_url", "https://sms.example.com/messages",
                "security.sms_account_sid", "AC123",
                "security.sms_auth_token", "very-secret-token",
                "security.sms_phone_number", "+15005550006"));

    var http = config.sms().http().orElseThrow();
    assertThat(http.url()).isEqualTo(URI.create("https://sms.example.com/messages"));
    assertThat(http.authToken()).isEqualTo("very-secret-token");
    assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(http.toString()).doesNotContain("very-secret-token");
  }

  @Test
  void constructorWhenRecoveryCodeKeysNotFernetThenFailsWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                twoFactor(Map.of("security.multi_factor_recovery_codes_keys", "not-a-fernet-key")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.multi_factor_recovery_codes_keys")
        .hasMessageNotContaining("not-a-fernet-key");
  }

  @Test
  void constructorWhenRecoveryCodesWithoutTwoFactorThenOff() {
    SecurityConfiguration alone =
        new SecurityConfiguration(
            MapConfig.valid(Map.of("security.multi_factor_recovery_codes", "true")));
    SecurityConfiguration withTwoFactor =
        twoFactor(Map.of("security.multi_factor_recovery_codes", "true"));

    assertThat(alone.recoveryCodes().enabled()).isFalse();
    assertThat(withTwoFactor.recoveryCodes().enabled()).isTrue();
    assertThat(withTwoFactor.twoFactor().recoveryCodes()).isTrue();
  }

  @Test
  void constructorWhenPhoneRegionUnknownThenFails() {
    assertThatThrownBy(() -> twoFactor(Map.of("security.phone_region_default", "XX")))
        .hasMessageContaining("security.phone_region_default");
  }

  private static SecurityConfiguration twoFactor(Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(more);
    all.put("security.two_factor", "true");
    all.put("security.totp_secrets", SECRETS);
    return new SecurityConfiguration(MapConfig.valid(all));
  }
}
