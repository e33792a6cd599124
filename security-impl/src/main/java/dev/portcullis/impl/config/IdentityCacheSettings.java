package dev.portcullis.impl.config;

import dev.portcullis.impl.authentication.IdentityCacheConfig;
import java.time.Duration;

/** Reads {@code security.identity_cache_ttl} and {@code security.identity_cache_size}. */
final class IdentityCacheSettings {

  private IdentityCacheSettings() {}

  static IdentityCacheConfig read(Settings settings) {
    IdentityCacheConfig config =
        new IdentityCacheConfig(
            settings.duration(CoreKey.IDENTITY_CACHE_TTL),
            settings.integer(CoreKey.IDENTITY_CACHE_SIZE));
    if (config.ttl().filter(Duration::isNegative).isPresent()) {
      throw new ConfigurationException(CoreKey.IDENTITY_CACHE_TTL, "must not be negative");
    }
    if (config.size() < 1) {
      throw new ConfigurationException(
          CoreKey.IDENTITY_CACHE_SIZE, "must be at least 1, not " + config.size());
    }
    return config;
  }
}
