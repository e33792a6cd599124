package dev.portcullis.impl.config;

import dev.portcullis.impl.persistence.DatastoreLayout;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.persistence.MappedTable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads where users and roles live ({@code security.datastore_*}) into {@link DatastoreNames}.
 * Besides {@link SecurityConfiguration}, the JPA provider adapters use it: the provider creates
 * them, not CDI, while it deploys the persistence unit ({@link #fromEnvironment()}).
 */
public final class DatastoreSettings {

  private static final Map<CoreKey, MappedTable> TABLE_KEYS =
      Map.of(
          CoreKey.DATASTORE_USER_TABLE, MappedTable.USER,
          CoreKey.DATASTORE_ROLE_TABLE, MappedTable.ROLE,
          CoreKey.DATASTORE_ROLES_USERS_TABLE, MappedTable.ROLES_USERS,
          CoreKey.DATASTORE_WEBAUTHN_TABLE, MappedTable.WEBAUTHN);

  private DatastoreSettings() {}

  /** The names configured in {@code config}. */
  public static DatastoreNames read(Config config) {
    return read(new Settings(config));
  }

  /**
   * The names configured for the application the caller runs in (MicroProfile Config of the
   * thread's context class loader): for code the JPA provider instantiates.
   */
  public static DatastoreNames fromEnvironment() {
    return read(ConfigProvider.getConfig());
  }

  static DatastoreNames read(Settings settings) {
    DatastoreLayout layout =
        settings.parse(
            CoreKey.DATASTORE_SCHEMA,
            v -> DatastoreLayout.of(v).orElseThrow(),
            "must be portcullis or fsqla_v3");
    Map<MappedTable, String> tables = new EnumMap<>(MappedTable.class);
    TABLE_KEYS.forEach(
        (key, table) ->
            settings
                .optionalString(key)
                .ifPresent(name -> tables.put(table, checked(key, layout, name))));
    return DatastoreNames.of(layout, tables, columns(settings, layout));
  }

  /** {@code user.active=is_active,role.name=title}. */
  private static Map<MappedTable, Map<String, String>> columns(
      Settings settings, DatastoreLayout layout) {
    Map<MappedTable, Map<String, String>> columns = new EnumMap<>(MappedTable.class);
    for (String pair : settings.list(CoreKey.DATASTORE_COLUMNS)) {
      String[] parts = pair.split("=", 2);
      String[] target = parts[0].trim().split("\\.", 2);
      MappedTable table =
          target.length == 2 && parts.length == 2
              ? MappedTable.ofKey(target[0]).orElse(null)
              : null;
      if (table == null || !table.hasColumn(target[1].trim())) {
        throw new ConfigurationException(
            CoreKey.DATASTORE_COLUMNS,
            "must be table.column=name pairs naming a column of user, role, roles_users or"
                + " webauthn (by Flask-Security's name), not '"
                + pair
                + "'");
      }
      String name = checked(CoreKey.DATASTORE_COLUMNS, layout, parts[1].trim());
      columns.computeIfAbsent(table, t -> new HashMap<>()).put(target[1].trim(), name);
    }
    return columns;
  }

  private static String checked(CoreKey key, DatastoreLayout layout, String name) {
    if (layout == DatastoreLayout.PORTCULLIS) {
      throw new ConfigurationException(
          key,
          "only applies to Flask-Security's tables (security.datastore_schema=fsqla_v3);"
              + " Portcullis' own tables keep their names");
    }
    if (!DatastoreNames.isIdentifier(name)) {
      throw new ConfigurationException(
          key,
          "must name plain SQL identifiers (letters, digits and _, at most 63), not '"
              + name
              + "'");
    }
    return name;
  }
}
