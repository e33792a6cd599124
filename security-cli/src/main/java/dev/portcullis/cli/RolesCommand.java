package dev.portcullis.cli;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.UserRecord;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Flask-Security's {@code roles} group ({@code cli.py}: {@code roles_*}). */
@Command(
    name = "roles",
    mixinStandardHelpOptions = true,
    description = "Create roles, give them to users and take them away, manage permissions.")
final class RolesCommand {

  @ParentCommand PortcullisCli root;
  @Spec CommandSpec spec;

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a role.")
  int create(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = {"-d", "--description"},
              paramLabel = "TEXT")
          String description,
      @Option(
              names = {"-p", "--permissions"},
              paramLabel = "PERMS",
              description = "Comma-separated permissions, e.g. \"read,write\".")
          String permissions) {
    try (CliContext context = root.open(command("create"))) {
      if (context.roles().find(name).isPresent()) {
        throw new CliFailure("Role '" + name + "' already exists.");
      }
      RoleRecord role =
          context
              .roles()
              .create(name, description, permissions == null ? Set.of() : Set.of(permissions))
              .orElseThrow(() -> new CliFailure("Role '" + name + "' already exists."));
      out().printf("Role '%s' created with permissions %s.%n", role.name(), sorted(role));
    }
    return 0;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Give a user a role.")
  int add(
      @Parameters(paramLabel = "USER", description = "Email or username.") String identity,
      @Parameters(paramLabel = "ROLE") String roleName) {
    try (CliContext context = root.open(command("add"))) {
      UserRecord user = context.user(identity);
      role(context, roleName);
      if (user.roles().contains(roleName) || !context.users().addRole(user.id(), roleName)) {
        throw new CliFailure("User '" + user.email() + "' already has role '" + roleName + "'.");
      }
      out().printf("Role '%s' added to user '%s'.%n", roleName, user.email());
    }
    return 0;
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Take a role away from a user.")
  int remove(
      @Parameters(paramLabel = "USER", description = "Email or username.") String identity,
      @Parameters(paramLabel = "ROLE") String roleName) {
    try (CliContext context = root.open(command("remove"))) {
      UserRecord user = context.user(identity);
      role(context, roleName);
      if (!user.roles().contains(roleName) || !context.users().removeRole(user.id(), roleName)) {
        throw new CliFailure("User '" + user.email() + "' does not have role '" + roleName + "'.");
      }
      out().printf("Role '%s' removed from user '%s'.%n", roleName, user.email());
    }
    return 0;
  }

  @Command(
      name = "add_permissions",
      mixinStandardHelpOptions = true,
      description = "Add permissions to a role.")
  int addPermissions(
      @Parameters(paramLabel = "ROLE") String roleName,
      @Parameters(paramLabel = "PERMS", description = "Comma-separated.") String permissions) {
    try (CliContext context = root.open(command("add_permissions"))) {
      RoleRecord role =
          context
              .roles()
              .addPermissions(roleName, Set.of(permissions))
              .orElseThrow(() -> noRole(roleName));
      out().printf("Role '%s' now has permissions %s.%n", role.name(), sorted(role));
    }
    return 0;
  }

  @Command(
      name = "remove_permissions",
      mixinStandardHelpOptions = true,
      description = "Remove permissions from a role.")
  int removePermissions(
      @Parameters(paramLabel = "ROLE") String roleName,
      @Parameters(paramLabel = "PERMS", description = "Comma-separated.") String permissions) {
    try (CliContext context = root.open(command("remove_permissions"))) {
      RoleRecord role =
          context
              .roles()
              .removePermissions(roleName, Set.of(permissions))
              .orElseThrow(() -> noRole(roleName));
      out().printf("Role '%s' now has permissions %s.%n", role.name(), sorted(role));
    }
    return 0;
  }

  private static RoleRecord role(CliContext context, String name) {
    return context.roles().find(name).orElseThrow(() -> noRole(name));
  }

  private static CliFailure noRole(String name) {
    return new CliFailure("No role '" + name + "'.");
  }

  private static Set<String> sorted(RoleRecord role) {
    return new TreeSet<>(role.permissions());
  }

  private CommandLine command(String name) {
    return spec.subcommands().get(name);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
