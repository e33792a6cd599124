package dev.portcullis.cli;

import java.io.Console;

/** Reads a secret from the terminal without echo; replaced in tests. */
@FunctionalInterface
interface Prompter {

  /**
   * @return what was typed, or {@code null} at end of input
   * @throws CliFailure when there is no terminal to ask
   */
  char[] readSecret(String prompt);

  /** The process's console ({@link System#console()}). */
  static Prompter console() {
    return prompt -> {
      Console console = System.console();
      if (console == null) {
        throw new CliFailure("No terminal to ask for the password: give it with --password.");
      }
      return console.readPassword("%s", prompt);
    };
  }
}
