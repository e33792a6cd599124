package dev.portcullis.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where roles and their permissions live (the role half of Flask-Security's {@code UserDatastore}).
 * The default is a JPA implementation.
 *
 * <pre>{@code
 * roleStore.findOrCreate("admin", "Administrators", Set.of("admin-read"));
 * roleStore.addPermissions("admin", Set.of("admin-write"));
 * }</pre>
 */
public interface RoleStore {

  /** Finds a role by its unique name. */
  Optional<RoleRecord> find(String name);

  /** Lists every role, ordered by name. */
  List<RoleRecord> list();

  /**
   * Creates a role; permission strings are trimmed and blank ones dropped.
   *
   * @return the new role, or empty if the name is taken (nothing is written)
   */
  Optional<RoleRecord> create(String name, String description, Set<String> permissions);

  /** Returns the named role, creating it with the given description and permissions if absent. */
  RoleRecord findOrCreate(String name, String description, Set<String> permissions);

  /** Adds permissions to a role; empty if the role does not exist. */
  Optional<RoleRecord> addPermissions(String roleName, Set<String> permissions);

  /** Removes permissions from a role; empty if the role does not exist. */
  Optional<RoleRecord> removePermissions(String roleName, Set<String> permissions);
}
