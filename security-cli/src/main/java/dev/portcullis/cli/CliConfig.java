package dev.portcullis.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The application's MicroProfile Config keys ({@code security.password_salt}, ...) for the CLI,
 * without an MP Config implementation: system properties (ordinal 400), environment variables (300,
 * with MicroProfile's name mapping, so {@code SECURITY_PASSWORD_SALT} is {@code
 * security.password_salt}) and an optional properties file (100, so the application's own {@code
 * microprofile-config.properties} can be passed and the environment still overrides it, as on the
 * server). Empty values count as missing, as in MicroProfile Config.
 */
final class CliConfig implements Config {

  static final String SECRET_KEY = "security.secret_key";

  private final List<ConfigSource> sources;

  CliConfig(List<ConfigSource> sources) {
    List<ConfigSource> sorted = new ArrayList<>(sources);
    sorted.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
    this.sources = List.copyOf(sorted);
  }

  /**
   * The CLI's configuration.
   *
   * @param file a properties file, or {@code null}
   * @throws IOException when the file cannot be read
   */
  static CliConfig load(Path file, Map<String, String> env, Properties system) throws IOException {
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(new MapSource("system properties", 400, toMap(system)));
    sources.add(new EnvSource(env));
    if (file != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      sources.add(new MapSource(file.toString(), 100, toMap(properties)));
    }
    CliConfig config = new CliConfig(sources);
    if (config.getOptionalValue(SECRET_KEY, String.class).isPresent()) {
      return config;
    }
    // SecurityConfiguration insists on a secret key because the application signs tokens and
    // cookies with it. The CLI signs nothing (it only hashes passwords, with the password salt),
    // so a throwaway random key satisfies the check without the operator having to hand the
    // real one to a command-line tool.
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    sources.add(
        new MapSource(
            "throwaway secret key (the CLI signs nothing)",
            Integer.MIN_VALUE,
            Map.of(SECRET_KEY, HexFormat.of().formatHex(random))));
    return new CliConfig(sources);
  }

  private static Map<String, String> toMap(Properties properties) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return map;
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type)
        .orElseThrow(() -> new java.util.NoSuchElementException(name + " is not set"));
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    for (ConfigSource source : sources) {
      String value = source.getValue(name);
      if (value != null && !value.isEmpty()) {
        return new Value(name, value, source.getName(), source.getOrdinal());
      }
    }
    return new Value(name, null, null, 0);
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    return Optional.ofNullable(getConfigValue(name).getValue()).map(v -> convert(v, type));
  }

  private static <T> T convert(String value, Class<T> type) {
    Function<String, ?> converter = CONVERTERS.get(type);
    if (converter == null) {
      throw new IllegalArgumentException("No converter for " + type.getName());
    }
    return type.cast(converter.apply(value));
  }

  private static final Map<Class<?>, Function<String, ?>> CONVERTERS =
      Map.of(
          String.class, v -> v,
          Integer.class, Integer::valueOf,
          Long.class, Long::valueOf,
          Double.class, Double::valueOf,
          Boolean.class,
              v ->
                  Set.of("true", "1", "yes", "on", "y")
                      .contains(v.toLowerCase(java.util.Locale.ROOT)));

  @Override
  public Iterable<String> getPropertyNames() {
    Set<String> names = new LinkedHashSet<>();
    sources.forEach(s -> names.addAll(s.getPropertyNames()));
    return names;
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    return sources;
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    if (!CONVERTERS.containsKey(type)) {
      return Optional.empty();
    }
    return Optional.of(value -> convert(value, type));
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap to " + type.getName());
  }

  private record Value(String name, String value, String sourceName, int sourceOrdinal)
      implements ConfigValue {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public String getRawValue() {
      return value;
    }

    @Override
    public String getSourceName() {
      return sourceName;
    }

    @Override
    public int getSourceOrdinal() {
      return sourceOrdinal;
    }
  }

  /** A fixed map of values. */
  private record MapSource(String name, int ordinal, Map<String, String> values)
      implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
      return values.get(propertyName);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public int getOrdinal() {
      return ordinal;
    }
  }

  /**
   * Environment variables with MicroProfile Config's mapping: the exact name, then every
   * non-alphanumeric character replaced by {@code _}, then that in upper case.
   */
  private record EnvSource(Map<String, String> env) implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
      return env.keySet();
    }

    @Override
    public String getValue(String propertyName) {
      String value = env.get(propertyName);
      if (value != null) {
        return value;
      }
      String sanitized = propertyName.replaceAll("[^A-Za-z0-9]", "_");
      value = env.get(sanitized);
      return value != null ? value : env.get(sanitized.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String getName() {
      return "environment variables";
    }

    @Override
    public int getOrdinal() {
      return 300;
    }
  }
}
