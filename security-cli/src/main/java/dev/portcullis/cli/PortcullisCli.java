package dev.portcullis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Flask-Security's {@code flask users ...} and {@code flask roles ...} commands ({@code
 * flask_security/cli.py}, spec §8) for a Portcullis application's database, with the application's
 * password hashing configuration.
 *
 * <p>Exit status: 0 done; 1 the operation failed (unknown user or role, duplicate, password
 * refused, database or configuration problem) and nothing was written; 2 usage error.
 */
@Command(
    name = "portcullis-cli",
    mixinStandardHelpOptions = true,
    version = "Portcullis CLI 0.1",
    subcommands = {UsersCommand.class, RolesCommand.class},
    description = "Manage the users and roles of a Portcullis application's database.",
    footer = {
      "",
      "The database options may follow any command. Configuration (same keys as the application,"
          + " e.g. security.password_salt, security.password_hash): system properties, then"
          + " environment variables (SECURITY_PASSWORD_SALT, ...), then --config FILE.",
      "Exit status: 0 done, 1 failed (nothing written), 2 usage error."
    })
public final class PortcullisCli {

  /** Keeps the logger configured (the JDK holds loggers weakly). */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  @Option(
      names = "--jdbc-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${env:PORTCULLIS_DB_URL}",
      description = "JDBC URL of the application's database (default: env PORTCULLIS_DB_URL).")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      scope = ScopeType.INHERIT,
      paramLabel = "USER",
      defaultValue = "${env:PORTCULLIS_DB_USER}",
      description = "Database user (default: env PORTCULLIS_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      scope = ScopeType.INHERIT,
      paramLabel = "PASSWORD",
      defaultValue = "${env:PORTCULLIS_DB_PASSWORD}",
      showDefaultValue = CommandLine.Help.Visibility.NEVER,
      description = "Database password (default: env PORTCULLIS_DB_PASSWORD).")
  String dbPassword;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Properties file with the application's settings (e.g. its"
              + " microprofile-config.properties); environment and system properties override it.")
  Path configFile;

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final Properties systemProperties;
  private final Prompter prompter;
  private final Clock clock;

  /** The real process: its environment, system properties and console. */
  public PortcullisCli() {
    this(System.getenv(), System.getProperties(), Prompter.console(), Clock.systemUTC());
  }

  PortcullisCli(
      Map<String, String> env, Properties systemProperties, Prompter prompter, Clock clock) {
    this.env = Map.copyOf(env);
    this.systemProperties = systemProperties;
    this.prompter = prompter;
    this.clock = clock;
  }

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    FLYWAY_LOG.setLevel(Level.WARNING);
    System.exit(commandLine(new PortcullisCli()).execute(args));
  }

  /** The command line for {@code cli}, with the CLI's exit codes and error reporting. */
  static CommandLine commandLine(PortcullisCli cli) {
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          PrintWriter err = command.getErr();
          err.println(e instanceof CliFailure ? e.getMessage() : "Error: " + describe(e));
          err.flush();
          return 1;
        });
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          PrintWriter err = command.getErr();
          err.println(e.getMessage());
          UnmatchedArgumentException.printSuggestions(e, err);
          err.printf(
              "Try '%s --help' for more information.%n", command.getCommandSpec().qualifiedName());
          err.flush();
          return command.getCommandSpec().exitCodeOnInvalidInput();
        });
    return commandLine;
  }

  /** The distinct messages of the cause chain, with a hint when a setting is missing. */
  static String describe(Throwable failure) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      messages.add(message == null || message.isBlank() ? t.getClass().getName() : message.strip());
    }
    String text = String.join(": ", messages);
    if (text.contains("security.")) {
      text +=
          "\n(Give settings as environment variables, e.g. security.password_salt as"
              + " SECURITY_PASSWORD_SALT, as -D system properties, or in --config FILE.)";
    }
    return text;
  }

  /**
   * Opens the database and configuration for a command.
   *
   * @param command the running (sub)command, for usage errors
   */
  CliContext open(CommandLine command) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new ParameterException(
          command, "No database: give --jdbc-url URL or set PORTCULLIS_DB_URL.");
    }
    CliConfig config;
    try {
      config = CliConfig.load(configFile, env, systemProperties);
    } catch (IOException e) {
      throw new CliFailure("Cannot read the configuration file " + configFile + ": " + e);
    }
    return CliContext.open(
        config, new CliContext.Connection(jdbcUrl.strip(), dbUser, dbPassword), clock);
  }

  Prompter prompter() {
    return prompter;
  }
}
