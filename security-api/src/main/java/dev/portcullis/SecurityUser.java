package dev.portcullis;

import java.util.Set;

/**
 * The authenticated user as application code sees it: identity, roles and permissions, never a
 * password hash or secret.
 *
 * <pre>{@code
 * @Inject Security security;
 * security.currentUser().map(SecurityUser::email).orElse("anonymous");
 * }</pre>
 *
 * @param id the user's primary key
 * @param email the user's email
 * @param username the user's username, or {@code null}
 * @param roles role names
 * @param permissions union of the roles' permissions
 */
public record SecurityUser(
    long id, String email, String username, Set<String> roles, Set<String> permissions) {

  /** Copies the collections so the record stays immutable. */
  public SecurityUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
  }

  /** Whether the user has the named role. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether any of the user's roles grants the permission. */
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }
}
