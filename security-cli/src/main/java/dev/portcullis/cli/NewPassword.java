package dev.portcullis.cli;

import dev.portcullis.spi.PasswordPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A new password for {@code users create} and {@code users change_password}: given with {@code
 * --password} or typed twice at the terminal, normalized (spec §6.3) and checked by the policy
 * (§6.5) before anything is written.
 */
final class NewPassword {

  private NewPassword() {}

  /** The password from the option, else asked twice at the terminal (Flask's prompt). */
  static String obtain(String given, Prompter prompter) {
    if (given != null) {
      return given;
    }
    String first = read(prompter, "Password: ");
    String second = read(prompter, "Retype password: ");
    if (!first.equals(second)) {
      throw new CliFailure("The passwords do not match; nothing was changed.");
    }
    return first;
  }

  private static String read(Prompter prompter, String prompt) {
    char[] typed = prompter.readSecret(prompt);
    if (typed == null) {
      throw new CliFailure("No password given; nothing was changed.");
    }
    String value = new String(typed);
    Arrays.fill(typed, '\0');
    return value;
  }

  /**
   * The policy's objections to {@code password} (empty when acceptable).
   *
   * @param userInputs the user's email and username, which a good password avoids
   */
  static List<String> problems(
      CliContext context, String password, boolean registering, Set<String> userInputs) {
    String normalized = context.hasher().normalize(password);
    return context.policy().check(normalized, new PasswordPolicy.Context(registering, userInputs));
  }
}
