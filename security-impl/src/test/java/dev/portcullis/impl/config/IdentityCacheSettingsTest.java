package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityCacheSettingsTest {

  @Test
  void identityCacheWhenUnsetThenOff() {
    SecurityConfiguration config = new SecurityConfiguration(MapConfig.valid(Map.of()));

    assertThat(config.identityCache().ttl()).isEmpty();
    assertThat(config.identityCache().size()).isEqualTo(10_000);
  }

  @Test
  void identityCacheWhenTtlInFlaskOrIsoFormThenRead() {
    assertThat(ttl("10 seconds")).isEqualTo(Duration.ofSeconds(10));
    assertThat(ttl("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void identityCacheWhenTtlZeroThenOff() {
    SecurityConfiguration config =
        new SecurityConfiguration(MapConfig.valid(Map.of("security.identity_cache_ttl", "PT0S")));

    assertThat(config.identityCache().ttl()).isEmpty();
  }

  @Test
  void identityCacheWhenTtlNegativeOrSizeBelowOneThenExceptionNamesTheKey() {
    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(Map.of("security.identity_cache_ttl", "-PT5S"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.identity_cache_ttl");
    assertThatThrownBy(
            () ->
                new SecurityConfiguration(
                    MapConfig.valid(
                        Map.of(
                            "security.identity_cache_ttl", "10 seconds",
                            "security.identity_cache_size", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.identity_cache_size");
  }

  private static Duration ttl(String value) {
    return new SecurityConfiguration(MapConfig.valid(Map.of("security.identity_cache_ttl", value)))
        .identityCache()
        .ttl()
        .orElseThrow();
  }
}
