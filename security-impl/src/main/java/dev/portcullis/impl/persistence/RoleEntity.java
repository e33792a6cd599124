package dev.portcullis.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A role: Flask-Security's {@code fsqla_v3} {@code Role} ({@code RoleMixin}), table {@code
 * fs_role}. Roles compare by name.
 *
 * <p>Keys come from the portable TABLE generator: IDENTITY is not used because EclipseLink's
 * IDENTITY DDL/handling breaks on H2 2.x and MySQL has no sequences.
 */
@Entity
@Table(name = "fs_role")
@EntityListeners(UserRowListener.class)
public class RoleEntity {

  @Id
  @TableGenerator(
      name = "fs_role_id",
      table = "portcullis_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "fs_role",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "fs_role_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "name", nullable = false, unique = true, length = 80)
  private String name;

  @Column(name = "description", length = 255)
  private String description;

  @Convert(converter = CommaListConverter.class)
  @Column(name = "permissions")
  private List<String> permissions = new ArrayList<>();

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "update_datetime", nullable = false)
  private Instant updateDatetime;

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  /** The permissions, never {@code null}. */
  public List<String> getPermissions() {
    return permissions == null ? List.of() : permissions;
  }

  /** Replaces the permissions (a new list, so EclipseLink sees the change). */
  public void setPermissions(List<String> permissions) {
    this.permissions = new ArrayList<>(permissions);
  }

  public Instant getUpdateDatetime() {
    return updateDatetime;
  }

  public void setUpdateDatetime(Instant updateDatetime) {
    this.updateDatetime = updateDatetime;
  }
}
