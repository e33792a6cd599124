package dev.portcullis.impl.persistence;

import dev.portcullis.impl.persistence.Column.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tables behind users and roles, with their names in Portcullis' own schema and in
 * Flask-Security's {@code fsqla_v3} models, and every column Portcullis reads or writes (Flask's
 * columns, {@code fs_token_uniquifier}, and the computed {@code *_lower} look-up columns).
 *
 * <p>The column lists are the model schema adoption completes a Flask-Security database to; they
 * must match what Portcullis' own migrations create ({@code SchemaAdoptionModelTest} compares
 * them), so a migration that adds a column to one of these tables adds it here too.
 */
public enum MappedTable {
  /** Flask's {@code User} ({@code FsUserMixin}). */
  USER(
      "user",
      "fs_user",
      "user",
      List.of(
          Column.id(),
          Column.string("email", 255).notNull().uniqueValues(),
          Column.lowerCase("email_lower", "email"),
          Column.string("username", 255).uniqueValues(),
          Column.lowerCase("username_lower", "username"),
          Column.string("password", 255),
          Column.of("active", Kind.BOOLEAN).notNull(),
          Column.string("fs_uniquifier", 64).notNull().uniqueValues(),
          Column.string("fs_token_uniquifier", 64).uniqueValues(),
          Column.string("fs_webauthn_user_handle", 64).uniqueValues(),
          Column.of("confirmed_at", Kind.TIMESTAMP),
          Column.of("last_login_at", Kind.TIMESTAMP),
          Column.of("current_login_at", Kind.TIMESTAMP),
          Column.string("last_login_ip", 64),
          Column.string("current_login_ip", 64),
          Column.of("login_count", Kind.INTEGER),
          Column.string("tf_primary_method", 64),
          Column.string("tf_totp_secret", 255),
          Column.string("tf_phone_number", 128),
          Column.of("us_totp_secrets", Kind.TEXT),
          Column.string("us_phone_number", 128).uniqueValues(),
          Column.of("mf_recovery_codes", Kind.TEXT),
          Column.of("create_datetime", Kind.CREATED_TIMESTAMP).notNull(),
          Column.of("update_datetime", Kind.CREATED_TIMESTAMP).notNull())),
  /** Flask's {@code Role} ({@code FsRoleMixin}). */
  ROLE(
      "role",
      "fs_role",
      "role",
      List.of(
          Column.id(),
          Column.string("name", 80).notNull().uniqueValues(),
          Column.string("description", 255),
          Column.of("permissions", Kind.TEXT),
          Column.of("update_datetime", Kind.CREATED_TIMESTAMP).notNull())),
  /** Flask's {@code roles_users} association table. */
  ROLES_USERS(
      "roles_users",
      "fs_roles_users",
      "roles_users",
      List.of(Column.reference("user_id", "user"), Column.reference("role_id", "role"))),
  /**
   * Flask's {@code WebAuthn} ({@code FsWebAuthnMixin}); Flask-SQLAlchemy names the model class
   * {@code WebAuthn} {@code web_authn}.
   */
  WEBAUTHN(
      "webauthn",
      "fs_webauthn",
      "web_authn",
      List.of(
          Column.id(),
          Column.of("credential_id", Kind.BINARY).notNull().uniqueValues(),
          Column.of("public_key", Kind.BLOB).notNull(),
          Column.of("sign_count", Kind.INTEGER),
          Column.of("transports", Kind.TEXT),
          Column.of("backup_state", Kind.BOOLEAN).notNull(),
          Column.string("device_type", 64).notNull(),
          Column.string("extensions", 255),
          Column.of("create_datetime", Kind.CREATED_TIMESTAMP).notNull(),
          Column.of("lastuse_datetime", Kind.TIMESTAMP).notNull(),
          Column.string("name", 64).notNull(),
          Column.string("usage", 64).notNull(),
          Column.reference("user_id", "user")));

  private final String key;
  private final String portcullisName;
  private final String fsqlaName;
  private final List<Column> columns;

  MappedTable(String key, String portcullisName, String fsqlaName, List<Column> columns) {
    this.key = key;
    this.portcullisName = portcullisName;
    this.fsqlaName = fsqlaName;
    this.columns = columns;
  }

  /** The name in configuration ({@code security.datastore_columns=user.active=...}). */
  public String key() {
    return key;
  }

  /** The table's name in Portcullis' own schema, e.g. {@code fs_user}. */
  public String portcullisName() {
    return portcullisName;
  }

  /** The table's name with Flask-Security's {@code fsqla_v3} models, e.g. {@code user}. */
  public String fsqlaName() {
    return fsqlaName;
  }

  /** Its columns, by their names in Portcullis' own schema. */
  List<Column> columns() {
    return columns;
  }

  /** Whether the table has a column of that (Portcullis) name. */
  public boolean hasColumn(String name) {
    return columns.stream().anyMatch(c -> c.name().equals(name));
  }

  /** The table of a configuration key such as {@code user}. */
  public static Optional<MappedTable> ofKey(String key) {
    String wanted = key.trim().toLowerCase(Locale.ROOT);
    for (MappedTable table : values()) {
      if (table.key.equals(wanted)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  /** The table whose Portcullis name is {@code portcullisName} (case-insensitively). */
  public static Optional<MappedTable> ofPortcullisName(String portcullisName) {
    for (MappedTable table : values()) {
      if (table.portcullisName.equalsIgnoreCase(portcullisName)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }
}
