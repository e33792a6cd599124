package dev.portcullis.cli;

import dev.portcullis.spi.UserRecord;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Flask-Security's {@code users} group ({@code cli.py}: {@code users_*}). */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Create users, (de)activate them, reset their access or change their password.")
final class UsersCommand {

  @ParentCommand PortcullisCli root;
  @Spec CommandSpec spec;

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a user. Inactive unless -a/--active is given (as Flask-Security).",
        "Every value is checked before anything is written."
      })
  int create(
      @Parameters(
              arity = "1..*",
              paramLabel = "ATTRIBUTE",
              description = "email:ADDRESS or username:NAME; a bare value is the email.")
          List<String> attributes,
      @Option(
              names = "--password",
              paramLabel = "PASSWORD",
              description = "The password; asked twice at the terminal when omitted.")
          String password,
      @Option(
              names = {"-a", "--active"},
              description = "Make the user active.")
          boolean active,
      @Option(names = "--confirmed", description = "Mark the email as confirmed now.")
          boolean confirmed,
      @Option(names = "--role", paramLabel = "ROLE", description = "Give a role (repeatable).")
          List<String> roles) {
    CommandLine command = command("create");
    String email = null;
    String username = null;
    for (String attribute : attributes) {
      int colon = attribute.indexOf(':');
      String name = colon < 0 ? "email" : attribute.substring(0, colon).strip();
      String value = colon < 0 ? attribute : attribute.substring(colon + 1);
      switch (name.toLowerCase(Locale.ROOT)) {
        case "email" -> email = once(command, "email", email, value);
        case "username" -> username = once(command, "username", username, value);
        default ->
            throw new ParameterException(
                command, "Unknown attribute '" + name + "': use email:ADDRESS or username:NAME.");
      }
    }
    if (email == null) {
      throw new ParameterException(command, "A user needs an email (email:ADDRESS).");
    }
    Set<String> roleNames = roles == null ? Set.of() : new LinkedHashSet<>(roles);
    try (CliContext context = root.open(command)) {
      context.hasher(); // a missing password salt fails before the password is asked for
      String secret = NewPassword.obtain(password, root.prompter());
      UserRecord user =
          new UserCreation(context)
              .create(
                  new UserCreation.Request(email, username, secret, active, confirmed, roleNames));
      out()
          .printf(
              "User created: email=%s, username=%s, password=****, active=%s, confirmed=%s, roles=%s%n",
              user.email(),
              user.username(),
              user.active(),
              user.confirmedAt() != null,
              user.roles());
    }
    return 0;
  }

  private static String once(CommandLine command, String name, String current, String value) {
    if (current != null) {
      throw new ParameterException(command, "The " + name + " is given twice.");
    }
    return value;
  }

  @Command(name = "activate", mixinStandardHelpOptions = true, description = "Activate a user.")
  int activate(@Parameters(paramLabel = "USER", description = "Email or username.") String user) {
    return setActive("activate", user, true);
  }

  @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate a user.")
  int deactivate(@Parameters(paramLabel = "USER", description = "Email or username.") String user) {
    return setActive("deactivate", user, false);
  }

  private int setActive(String commandName, String identity, boolean active) {
    try (CliContext context = root.open(command(commandName))) {
      UserRecord user = context.user(identity);
      String state = active ? "activated" : "deactivated";
      if (context.users().setActive(user.id(), active)) {
        out().printf("User '%s' has been %s.%n", user.email(), state);
      } else {
        out().printf("User '%s' was already %s.%n", user.email(), state);
      }
    }
    return 0;
  }

  @Command(
      name = "reset_access",
      mixinStandardHelpOptions = true,
      description = {
        "End every session, remember-me cookie and auth token of a user and remove their"
            + " two-factor, unified sign-in, WebAuthn and recovery-code setup. The password stays."
      })
  int resetAccess(
      @Parameters(paramLabel = "USER", description = "Email or username.") String identity) {
    try (CliContext context = root.open(command("reset_access"))) {
      UserRecord user = context.user(identity);
      if (!context.users().resetAccess(user.id())) {
        throw new CliFailure("No user '" + identity + "'.");
      }
      out().printf("Access of user '%s' has been reset.%n", user.email());
    }
    return 0;
  }

  @Command(
      name = "change_password",
      mixinStandardHelpOptions = true,
      description =
          "Set a user's password; the user's sessions, remember-me cookies and auth tokens end.")
  int changePassword(
      @Parameters(paramLabel = "USER", description = "Email or username.") String identity,
      @Option(
              names = "--password",
              paramLabel = "PASSWORD",
              description = "The new password; asked twice at the terminal when omitted.")
          String password) {
    try (CliContext context = root.open(command("change_password"))) {
      UserRecord user = context.user(identity);
      context.hasher(); // a missing password salt fails before the password is asked for
      String secret = NewPassword.obtain(password, root.prompter());
      Set<String> inputs = new LinkedHashSet<>();
      inputs.add(user.email());
      if (user.username() != null) {
        inputs.add(user.username());
      }
      List<String> problems = NewPassword.problems(context, secret, false, inputs);
      if (!problems.isEmpty()) {
        throw new CliFailure("Password not changed: " + String.join(" ", problems));
      }
      String hash = context.hasher().hash(secret);
      // Flask's admin_change_password, committed together: the new hash, a new fs_uniquifier
      // (sessions, remember-me cookies) and, as the web /change and /reset do, a new
      // fs_token_uniquifier, so auth tokens issued under the old password end too.
      context
          .stores()
          .inTransaction(
              () ->
                  context.users().setPassword(user.id(), hash)
                      && context.users().rotateUniquifier(user.id()).isPresent()
                      && context.users().rotateTokenUniquifier(user.id()).isPresent());
      out().printf("Password of user '%s' has been changed.%n", user.email());
    }
    return 0;
  }

  private CommandLine command(String name) {
    return spec.subcommands().get(name);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
