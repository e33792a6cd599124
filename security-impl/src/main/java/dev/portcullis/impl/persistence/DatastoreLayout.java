package dev.portcullis.impl.persistence;

import java.util.Locale;
import java.util.Optional;

/**
 * Whose tables hold the users and roles ({@code security.datastore_schema}).
 *
 * <p>The two differ in more than names. Portcullis' own tables are created and upgraded by its
 * Flyway migrations and take their ids from the portable {@code portcullis_id_gen} table generator
 * (which works on every supported database, H2 included). Flask-Security's tables are recognised
 * and completed where they are ({@link SchemaAdoption}), and their ids come from the database's own
 * sequence or auto-increment column, the same one Flask-Security's inserts use: that is the only
 * way two applications writing the same table, one after the other or side by side, never hand out
 * the same id.
 */
public enum DatastoreLayout {
  /** Portcullis' tables {@code fs_user}, {@code fs_role}, ... (the default). */
  PORTCULLIS("portcullis"),
  /**
   * Flask-Security's tables of its {@code fsqla_v3} models ({@code user}, {@code role}, {@code
   * roles_users}, {@code web_authn}), adopted in place. PostgreSQL and MariaDB/MySQL only.
   */
  FSQLA_V3("fsqla_v3");

  private final String value;

  DatastoreLayout(String value) {
    this.value = value;
  }

  /** The configuration value. */
  public String value() {
    return value;
  }

  /** The layout of a configuration value. */
  public static Optional<DatastoreLayout> of(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (DatastoreLayout layout : values()) {
      if (layout.value.equals(wanted)) {
        return Optional.of(layout);
      }
    }
    return Optional.empty();
  }
}
