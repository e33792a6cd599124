package dev.portcullis.spi;

import java.util.Set;

/**
 * A role and its permissions, as Flask-Security's {@code RoleMixin}.
 *
 * <pre>{@code
 * roleStore.create("admin", "Administrators", Set.of("admin-read", "admin-write"));
 * }</pre>
 *
 * @param id primary key
 * @param name unique name; roles compare by name
 * @param description free text, may be {@code null}
 * @param permissions application-defined permission strings
 */
public record RoleRecord(long id, String name, String description, Set<String> permissions) {

  /** Copies the permission set so the record stays immutable. */
  public RoleRecord {
    permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
  }
}
