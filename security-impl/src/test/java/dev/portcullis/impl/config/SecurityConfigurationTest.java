package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.http.CookieAttributes;
import dev.portcullis.spi.IdentityAttribute;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityConfigurationTest {

  @Test
  void constructorWhenOnlyRequiredKeysThenFlaskDefaults() {
    SecurityConfiguration config = new SecurityConfiguration(MapConfig.valid(Map.of()));

    assertThat(config.password().hashScheme()).isEqualTo("bcrypt");
    assertThat(config.password().bcryptRounds()).isEqualTo(12);
    assertThat(config.password().argon2TimeCost()).isEqualTo(10);
    assertThat(config.password().normalizeForm()).isEqualTo(Normalizer.Form.NFKD);
    assertThat(config.password().lengthMin()).isEqualTo(8);
    assertThat(config.password().deprecatedSchemes()).containsExactly("auto");
    assertThat(config.authentication().tokenHeader()).isEqualTo("Authentication-Token");
    assertThat(config.authentication().tokenQueryKey()).isEqualTo("auth_token");
    assertThat(config.authentication().tokenMaxAge()).isEmpty();
    assertThat(config.authentication().apiEnabledMethods())
        .containsExactlyInAnyOrder(Mechanism.SESSION, Mechanism.TOKEN);
    assertThat(config.authentication().httpAuthRealm()).isEqualTo("Login Required");
    assertThat(config.authentication().identityAttributes())
        .containsExactly(IdentityAttribute.EMAIL);
    assertThat(config.authentication().rememberCookieName()).isEqualTo("remember_token");
    assertThat(config.authentication().rememberCookieDuration()).isEqualTo(Duration.ofDays(365));
    assertThat(config.authentication().freshness()).isEqualTo(Duration.ofHours(24));
    assertThat(config.authentication().freshnessGrace()).isEqualTo(Duration.ofHours(1));
    assertThat(config.authentication().trackable()).isFalse();
    assertThat(config.csrf().enabled()).isTrue();
    assertThat(config.csrf().timeLimit()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(config.csrf().protectMechanisms())
        .containsExactlyInAnyOrder(Mechanism.SESSION, Mechanism.BASIC);
    assertThat(config.csrf().cookieName()).isEmpty();
    assertThat(config.redirects().postLoginView()).isEqualTo("/");
    assertThat(config.login().genericResponses()).isFalse();
    assertThat(config.login().logoutMethods()).containsExactlyInAnyOrder("GET", "POST");
    assertThat(config.salts()).containsEntry("AUTH", "remember-salt");
  }

  @Test
  void constructorWhenSecretKeyMissingThenExceptionNamesTheKey() {
    MapConfig config = new MapConfig(Map.of("security.password_salt", "x"));
    assertThatThrownBy(() -> new SecurityConfiguration(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.secret_key");
  }

  @Test
  void constructorWhenSecretKeyTooShortThenExceptionNamesKeyButNotValue() {
    MapConfig config = MapConfig.valid(Map.of("security.secret_key", "short-secret-value"));
    assertThatThrownBy(() -> new SecurityConfiguration(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.secret_key")
        .hasMessageNotContaining("short-secret-value");
  }

  @Test
  void constructorWhenUsernameEnabledThenUsernameIdentityAppended() {
    var config =
        new SecurityConfiguration(MapConfig.valid(Map.of("security.username_enable", "true")));
    assertThat(config.authentication().identityAttributes())
        .containsExactly(IdentityAttribute.EMAIL, IdentityAttribute.USERNAME);
    assertThat(config.login().identityAttributeNames()).containsExactly("email", "username");
  }

  @Test
  void constructorWhenDurationsInFlaskAndIsoFormsThenParsed() {
    var config =
        new SecurityConfiguration(
            MapConfig.valid(
                Map.of(
                    "security.token_max_age", "300",
                    "security.freshness", "PT30M",
                    "security.freshness_grace_period", "2 minutes")));
    assertThat(config.authentication().tokenMaxAge()).contains(Duration.ofSeconds(300));
    assertThat(config.authentication().freshness()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.authentication().freshnessGrace()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void constructorWhenValueUnparsableThenExceptionNamesKey() {
    assertThatThrownBy(
            () -> new SecurityConfiguration(MapConfig.valid(Map.of("security.trackable", "maybe"))))
        .hasMessageContaining("security.trackable");
    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(Map.of("security.api_enabled_methods", "session,kerberos"))))
        .hasMessageContaining("security.api_enabled_methods");
    assertThatThrownBy(
            () -> new SecurityConfiguration(MapConfig.valid(Map.of("security.freshness", "soon"))))
        .hasMessageContaining("security.freshness");
  }

  @Test
  void constructorWhenPasslibOptionsThenSchemeParametersSet() {
    var config =
        new SecurityConfiguration(
            MapConfig.valid(
                Map.of(
                    "security.password_hash_passlib_options",
                    "bcrypt__rounds=13,argon2__rounds=4")));
    assertThat(config.password().bcryptRounds()).isEqualTo(13);
    assertThat(config.password().argon2TimeCost()).isEqualTo(4);
  }

  @Test
  void constructorWhenSchemesNotSetThenPlaintextNotAccepted() {
    var config = new SecurityConfiguration(MapConfig.valid(Map.of()));

    assertThat(config.password().schemes()).isNotEmpty().doesNotContain("plaintext");
  }

  @Test
  void constructorWhenPasswordHashPlaintextThenPlaintextAcceptedLast() {
    var config =
        new SecurityConfiguration(MapConfig.valid(Map.of("security.password_hash", "plaintext")));

    assertThat(config.password().schemes()).last().isEqualTo("plaintext");
  }

  @Test
  void constructorWhenSchemesListPlaintextThenAccepted() {
    var config =
        new SecurityConfiguration(
            MapConfig.valid(Map.of("security.password_schemes", "bcrypt,plaintext")));

    assertThat(config.password().schemes()).containsExactly("bcrypt", "plaintext");
  }

  @Test
  void constructorWhenSingleHashTrueThenEverySchemeSingleHashed() {
    var config =
        new SecurityConfiguration(MapConfig.valid(Map.of("security.password_single_hash", "true")));
    assertThat(config.password().singleHashSchemes()).contains("bcrypt", "argon2", "plaintext");
  }

  @Test
  void constructorWhenCookieKeysUnsetThenLaxHttpOnlySecureWhenRequestIsAndContextPath() {
    var config = new SecurityConfiguration(MapConfig.valid(Map.of()));
    for (CookieAttributes cookie :
        List.of(config.cookies().session(), config.cookies().remember())) {
      assertThat(cookie.sameSite()).isEqualTo("Lax");
      assertThat(cookie.httpOnly()).isTrue();
      assertThat(cookie.secure()).isEqualTo(CookieAttributes.Secure.WHEN_REQUEST_SECURE);
      assertThat(cookie.path()).isEmpty();
      assertThat(cookie.domain()).isEmpty();
    }
  }

  @Test
  void constructorWhenCookieKeysSetThenRead() {
    var config =
        new SecurityConfiguration(
            MapConfig.valid(
                Map.of(
                    "session.cookie_samesite", "strict",
                    "session.cookie_secure", "true",
                    "session.cookie_httponly", "false",
                    "remember.cookie_secure", "false",
                    "remember.cookie_path", "/app",
                    "remember.cookie_domain", "example.com")));
    assertThat(config.cookies().session())
        .isEqualTo(
            new CookieAttributes(
                "Strict",
                CookieAttributes.Secure.ALWAYS,
                false,
                Optional.empty(),
                Optional.empty()));
    assertThat(config.cookies().remember())
        .isEqualTo(
            new CookieAttributes(
                "Lax",
                CookieAttributes.Secure.NEVER,
                true,
                Optional.of("/app"),
                Optional.of("example.com")));
  }

  @Test
  void constructorWhenSameSiteNoneWithoutSecureThenExceptionNamesBothKeys() {
    MapConfig config = MapConfig.valid(Map.of("remember.cookie_samesite", "None"));
    assertThatThrownBy(() -> new SecurityConfiguration(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("remember.cookie_samesite")
        .hasMessageContaining("remember.cookie_secure=true");
    MapConfig secure =
        MapConfig.valid(Map.of("session.cookie_samesite", "None", "session.cookie_secure", "true"));
    assertThat(new SecurityConfiguration(secure).cookies().session().sameSite()).isEqualTo("None");
  }

  @Test
  void constructorWhenLinkKeysUnsetThenNoHostTrusted() {
    var config = new SecurityConfiguration(MapConfig.valid(Map.of()));
    assertThat(config.links().externalBaseUrl()).isEmpty();
    assertThat(config.links().trustedHosts().isEmpty()).isTrue();
  }

  @Test
  void constructorWhenTrustedHostsAndBaseUrlSetThenParsed() {
    var config =
        new SecurityConfiguration(
            MapConfig.valid(
                Map.of(
                    "security.trusted_hosts", "app.example.com, localhost:8080",
                    "security.external_base_url", "https://app.example.com/api")));
    assertThat(config.links().trustedHosts().allows("localhost", 8080)).isTrue();
    assertThat(config.links().trustedHosts().allows("localhost", 8081)).isFalse();
    assertThat(config.links().externalBaseUrl()).contains("https://app.example.com/api/");
  }

  @Test
  void constructorWhenTrustedHostOrBaseUrlMalformedThenExceptionNamesTheKey() {
    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(Map.of("security.trusted_hosts", "https://x.example"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.trusted_hosts");
    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(Map.of("security.external_base_url", "app.example.com/api"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.external_base_url");
  }
}
