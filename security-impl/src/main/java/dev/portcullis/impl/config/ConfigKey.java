package dev.portcullis.impl.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * A configuration key Portcullis reads, with its default: together, {@link #all()} is the twin of
 * Flask-Security's {@code _default_config}. MicroProfile Config property {@code security.foo_bar}
 * is Flask's {@code SECURITY_FOO_BAR}, so the same environment variable names work.
 *
 * <p>The keys live in one enum per area ({@link CoreKey}, {@link AccountKey}, {@link PolicyKey},
 * {@link MailKey}, {@link MultiFactorKey}, {@link ThrottleKey}, {@link OAuthKey}, {@link
 * WebAuthnKey}). The README's configuration reference lists them all; {@code tools/config-table.py}
 * writes it and {@code ConfigKeyDocumentationTest} keeps the two in step.
 */
public interface ConfigKey {

  /** The key's description. */
  KeySpec spec();

  /** The enum constant's name. */
  String name();

  /** The MicroProfile Config property name. */
  default String property() {
    return spec().property();
  }

  /** The default as text, {@code null} when the key is required. */
  default String defaultValue() {
    return spec().defaultValue();
  }

  /** The Flask-Security (or Flask) key this ports. */
  default String flaskKey() {
    return spec().flaskKey();
  }

  /** One line for the README. */
  default String description() {
    return spec().description();
  }

  /** Every key, in README order. */
  static List<ConfigKey> all() {
    return Stream.<ConfigKey[]>of(
            CoreKey.values(),
            AccountKey.values(),
            PolicyKey.values(),
            MailKey.values(),
            MultiFactorKey.values(),
            ThrottleKey.values(),
            OAuthKey.values(),
            WebAuthnKey.values())
        .flatMap(Stream::of)
        .toList();
  }

  /**
   * What a key is.
   *
   * @param property the MicroProfile Config property name
   * @param defaultValue the default as text, {@code null} when required
   * @param flaskKey the Flask-Security (or Flask) key this ports
   * @param description one line for the README
   */
  record KeySpec(String property, String defaultValue, String flaskKey, String description) {}
}
