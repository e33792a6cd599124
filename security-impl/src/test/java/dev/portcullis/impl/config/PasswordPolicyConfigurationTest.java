package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.password.PasswordPolicyConfig;
import dev.portcullis.impl.password.PasswordPolicyConfig.BreachCheck;
import dev.portcullis.impl.password.PasswordPolicyConfig.ComplexityChecker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordPolicyConfigurationTest {

  @TempDir Path dir;

  @Test
  void passwordPolicyWhenNothingSetThenFlaskDefaults() {
    PasswordPolicyConfig policy = read(Map.of());

    assertThat(policy).isEqualTo(PasswordPolicyConfig.defaults());
    assertThat(policy.breachCheck()).isEqualTo(BreachCheck.OFF);
    assertThat(policy.breachedCount()).isEqualTo(1);
    assertThat(policy.breachedUrl()).isEqualTo(URI.create("https://api.pwnedpasswords.com/range/"));
    assertThat(policy.breachedFile()).isEmpty();
    assertThat(policy.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.complexityChecker()).isEqualTo(ComplexityChecker.NONE);
    assertThat(policy.zxcvbnMinimumScore()).isEqualTo(3);
  }

  @Test
  void passwordPolicyWhenCheckBreachedValuesThenStrictOrBestEffortOrOff() {
    assertThat(breachCheck("strict")).isEqualTo(BreachCheck.STRICT);
    assertThat(breachCheck("STRICT")).isEqualTo(BreachCheck.STRICT);
    assertThat(breachCheck("best-effort")).isEqualTo(BreachCheck.BEST_EFFORT);
    assertThat(breachCheck("true")).isEqualTo(BreachCheck.BEST_EFFORT);
    assertThat(breachCheck("yes")).isEqualTo(BreachCheck.BEST_EFFORT);
    assertThat(breachCheck("false")).isEqualTo(BreachCheck.OFF);
    assertThat(breachCheck("none")).isEqualTo(BreachCheck.OFF);
    assertThat(breachCheck("")).isEqualTo(BreachCheck.OFF);
  }

  @Test
  void passwordPolicyWhenAllSetThenRead() {
    PasswordPolicyConfig policy =
        read(
            Map.of(
                "security.password_check_breached", "strict",
                "security.password_breached_count", "10",
                "security.password_breached_url", "http://127.0.0.1:8080/range/",
                "security.password_breached_file", dir.toString(),
                "security.password_breached_connect_timeout", "1",
                "security.password_breached_read_timeout", "PT0.5S",
                "security.password_complexity_checker", "zxcvbn",
                "security.zxcvbn_minimum_score", "4"));

    assertThat(policy)
        .isEqualTo(
            new PasswordPolicyConfig(
                BreachCheck.STRICT,
                10,
                URI.create("http://127.0.0.1:8080/range/"),
                java.util.Optional.of(dir),
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                ComplexityChecker.ZXCVBN,
                4));
  }

  @Test
  void passwordPolicyWhenBadValuesThenDeploymentFailsNamingKey() {
    assertFails("security.password_complexity_checker", "passwdqc");
    assertFails("security.zxcvbn_minimum_score", "5");
    assertFails("security.zxcvbn_minimum_score", "-1");
    assertFails("security.password_breached_count", "0");
    assertFails("security.password_breached_url", "ftp://example.org/range/");
    assertFails("security.password_breached_url", "range/");
    assertFails("security.password_breached_file", dir.resolve("missing").toString());
    assertFails("security.password_breached_read_timeout", "0");
    assertFails("security.password_breached_connect_timeout", "none");
  }

  private static BreachCheck breachCheck(String value) {
    return read(Map.of("security.password_check_breached", value)).breachCheck();
  }

  private static PasswordPolicyConfig read(Map<String, String> values) {
    return new SecurityConfiguration(MapConfig.valid(values)).passwordPolicy();
  }

  private static void assertFails(String key, String value) {
    assertThatThrownBy(() -> read(Map.of(key, value)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(key);
  }
}
