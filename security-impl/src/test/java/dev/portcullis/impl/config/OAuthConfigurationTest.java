package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.oauth.OAuthConfig;
import dev.portcullis.impl.oauth.OAuthProvider;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthConfigurationTest {

  private static OAuthConfig read(Map<String, String> keys) {
    return new SecurityConfiguration(MapConfig.valid(keys)).oauth();
  }

  private static Map<String, String> with(String... pairs) {
    Map<String, String> keys = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      keys.put(pairs[i], pairs[i + 1]);
    }
    return keys;
  }

  @Test
  void readWhenNothingSetThenOffWithoutProviders() {
    OAuthConfig config = read(Map.of());
    assertThat(config.enabled()).isFalse();
    assertThat(config.providers()).isEmpty();
    assertThat(config.stateLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.provider("github")).isEmpty();
  }

  @Test
  void readWhenBuiltInClientIdSetThenOfferedWithFlaskScopes() {
    OAuthConfig config =
        read(
            with(
                "security.oauth_enable", "true",
                "security.oauth.github.client_id", "gh-id",
                "security.oauth.github.client_secret", "gh-secret",
                "security.oauth.google.client_id", "g-id",
                "security.oauth.google.client_secret", "g-secret"));
    OAuthProvider github = config.provider("github").orElseThrow();
    assertThat(github.kind()).isEqualTo(OAuthProvider.Kind.GITHUB);
    assertThat(github.scopes()).containsExactly("user:email");
    assertThat(github.label()).isEqualTo("GitHub");
    OAuthProvider google = config.provider("google").orElseThrow();
    assertThat(google.issuer()).contains(URI.create("https://accounts.google.com"));
    assertThat(google.scopes()).containsExactly("openid", "email", "profile");
  }

  @Test
  void readWhenBuiltInWithoutClientIdThenNotOffered() {
    OAuthConfig config = read(with("security.oauth_enable", "true"));
    assertThat(config.providers()).isEmpty();
  }

  @Test
  void readWhenGenericProviderThenOidcWithItsIssuer() {
    OAuthConfig config =
        read(
            with(
                "security.oauth_enable", "true",
                "security.oauth_providers", "corp",
                "security.oauth.corp.issuer", "https://login.example.com/realms/corp/",
                "security.oauth.corp.client_id", "c",
                "security.oauth.corp.client_secret", "s",
                "security.oauth.corp.scopes", "openid email groups"));
    OAuthProvider corp = config.provider("corp").orElseThrow();
    assertThat(corp.issuer()).contains(URI.create("https://login.example.com/realms/corp"));
    assertThat(corp.scopes()).containsExactly("openid", "email", "groups");
    assertThat(corp.label()).isEqualTo("Corp");
  }

  @Test
  void readWhenFeatureOffThenNoProviderAnswered() {
    OAuthConfig config =
        read(
            with(
                "security.oauth.github.client_id", "gh-id",
                "security.oauth.github.client_secret", "gh-secret"));
    assertThat(config.provider("github")).isEmpty();
  }

  @Test
  void readWhenSecretMissingThenFailsNamingTheKey() {
    assertThatThrownBy(() -> read(with("security.oauth.github.client_id", "gh-id")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.oauth.github.client_secret must be set");
  }

  @Test
  void readWhenPlainHttpIssuerNotLoopbackThenFails() {
    assertThatThrownBy(
            () ->
                read(
                    with(
                        "security.oauth_providers", "corp",
                        "security.oauth.corp.issuer", "http://login.example.com",
                        "security.oauth.corp.client_id", "c",
                        "security.oauth.corp.client_secret", "s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.oauth.corp.issuer");
  }

  @Test
  void readWhenHttpIssuerOnLoopbackThenAccepted() {
    OAuthConfig config =
        read(
            with(
                "security.oauth_enable", "true",
                "security.oauth_providers", "dev",
                "security.oauth.dev.issuer", "http://127.0.0.1:8081/default",
                "security.oauth.dev.client_id", "c",
                "security.oauth.dev.client_secret", "s"));
    assertThat(config.provider("dev").flatMap(OAuthProvider::issuer))
        .isEqualTo(Optional.of(URI.create("http://127.0.0.1:8081/default")));
  }

  @Test
  void readWhenScopesLackOpenidThenFails() {
    assertThatThrownBy(
            () ->
                read(
                    with(
                        "security.oauth_providers", "corp",
                        "security.oauth.corp.issuer", "https://login.example.com",
                        "security.oauth.corp.client_id", "c",
                        "security.oauth.corp.client_secret", "s",
                        "security.oauth.corp.scopes", "email")))
        .hasMessageContaining("must include openid");
  }

  @Test
  void readWhenUnknownBuiltInOrBadNameThenFails() {
    assertThatThrownBy(() -> read(with("security.oauth_builtin_providers", "github,facebook")))
        .hasMessageContaining("facebook");
    assertThatThrownBy(() -> read(with("security.oauth_providers", "Corp Login")))
        .hasMessageContaining("security.oauth_providers");
  }

  @Test
  void toStringWhenProviderThenNoSecret() {
    OAuthConfig config =
        read(
            with(
                "security.oauth_enable", "true",
                "security.oauth.github.client_id", "gh-id",
                "security.oauth.github.client_secret", "very-secret-value"));
    assertThat(config.toString()).doesNotContain("very-secret-value");
    assertThat(List.of(config.providers().get(0)).toString()).doesNotContain("very-secret-value");
  }
}
