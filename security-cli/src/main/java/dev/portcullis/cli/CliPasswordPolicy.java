package dev.portcullis.cli;

import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.DefaultPasswordPolicy;
import dev.portcullis.spi.PasswordPolicy;

/** Where the CLI gets its {@link PasswordPolicy}: the application's default policy, same config. */
final class CliPasswordPolicy {

  private CliPasswordPolicy() {}

  /**
   * The password policy of {@code users create} and {@code users change_password}: length,
   * breached-password and complexity checks exactly as the application applies them.
   */
  static PasswordPolicy create(SecurityConfiguration configuration, Messages messages) {
    return new DefaultPasswordPolicy(
        configuration.password(), configuration.passwordPolicy(), messages);
  }
}
