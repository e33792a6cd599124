package dev.portcullis.impl.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** A MicroProfile Config over a map of strings, for unit tests without a container. */
public final class MapConfig implements Config {

  private final Map<String, String> values;

  public MapConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The smallest valid configuration plus the given entries. */
  public static MapConfig valid(Map<String, String> more) {
    java.util.Map<String, String> all = new java.util.HashMap<>();
    all.put("security.secret_key", "0123456789abcdef0123456789abcdef");
    all.put("security.password_salt", "salt-for-tests");
    all.putAll(more);
    return new MapConfig(all);
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type).orElseThrow();
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    return Optional.ofNullable(values.get(name)).map(type::cast);
  }

  @Override
  public Iterable<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    return List.of();
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    throw new UnsupportedOperationException();
  }
}
