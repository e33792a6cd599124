package dev.portcullis.cli;

import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.spi.PasswordPolicy;
import java.util.List;

/** Where the CLI gets its {@link PasswordPolicy}: one factory method, nothing else. */
final class CliPasswordPolicy {

  private CliPasswordPolicy() {}

  /**
   * The password policy of {@code users create} and {@code users change_password}.
   *
   * <p>TODO: switch to {@code dev.portcullis.impl.password.DefaultPasswordPolicy} (being written in
   * parallel; it adds the breached-password and zxcvbn complexity checks of spec §6.5) as soon as
   * it exists, built from the same {@code configuration}. Until then only the length rule applies:
   * {@code security.password_length_min} to {@link PasswordConfig#lengthMax()} code points of the
   * normalized password (Flask-Security's {@code PASSWORD_INVALID_LENGTH}).
   */
  static PasswordPolicy create(SecurityConfiguration configuration) {
    PasswordConfig password = configuration.password();
    int min = password.lengthMin();
    int max = password.lengthMax();
    return (candidate, context) -> {
      int length = candidate.codePointCount(0, candidate.length());
      if (length < min) {
        return List.of("The password needs at least " + min + " characters.");
      }
      if (length > max) {
        return List.of("The password may have at most " + max + " characters.");
      }
      return List.of();
    };
  }
}
