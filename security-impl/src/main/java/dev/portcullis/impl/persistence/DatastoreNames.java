package dev.portcullis.impl.persistence;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where users and roles live: the {@link DatastoreLayout} and the names of its tables and columns
 * ({@code security.datastore_schema}, {@code security.datastore_*_table}, {@code
 * security.datastore_columns}).
 *
 * <p>The JPA entities carry Portcullis' own names; a JPA provider adapter ({@code
 * dev.portcullis.impl.jpa}) renames them to these when the layout is not Portcullis' own, and the
 * few native statements ({@link SqlNames}) use them too.
 *
 * @param layout whose tables
 * @param tables the name of every {@link MappedTable}
 * @param columns renamed columns per table (Portcullis name to physical name); absent = same name
 */
public record DatastoreNames(
    DatastoreLayout layout,
    Map<MappedTable, String> tables,
    Map<MappedTable, Map<String, String>> columns) {

  /**
   * The entity-manager-factory property through which code outside a container hands the names to
   * the provider adapter (a {@code DatastoreNames} value); in a container the adapter reads the
   * configuration itself.
   */
  public static final String JPA_PROPERTY = "dev.portcullis.datastore-names";

  /** Names the databases take unquoted and the adapters may quote: no reserved-word tricks. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /** Portcullis' own tables under their own names. */
  public static final DatastoreNames PORTCULLIS =
      of(DatastoreLayout.PORTCULLIS, Map.of(), Map.of());

  public DatastoreNames {
    tables = Map.copyOf(tables);
    columns = Map.copyOf(columns);
  }

  /**
   * The names of {@code layout} with overrides.
   *
   * @param tableNames table names that differ from the layout's
   * @param columnNames column names that differ from Portcullis' (Flask's) per table
   * @throws IllegalArgumentException for overrides on Portcullis' own layout, an unknown column or
   *     a name that is not a plain SQL identifier
   */
  public static DatastoreNames of(
      DatastoreLayout layout,
      Map<MappedTable, String> tableNames,
      Map<MappedTable, Map<String, String>> columnNames) {
    if (layout == DatastoreLayout.PORTCULLIS && !(tableNames.isEmpty() && columnNames.isEmpty())) {
      throw new IllegalArgumentException(
          "table and column names can only be set for a Flask-Security schema"
              + " (security.datastore_schema=fsqla_v3); Portcullis' own tables keep their names");
    }
    Map<MappedTable, String> tables = new EnumMap<>(MappedTable.class);
    for (MappedTable table : MappedTable.values()) {
      String name = tableNames.getOrDefault(table, defaultName(layout, table));
      tables.put(table, identifier(name, table.key() + " table"));
    }
    Map<MappedTable, Map<String, String>> columns = new EnumMap<>(MappedTable.class);
    columnNames.forEach(
        (table, renames) ->
            renames.forEach(
                (column, name) -> {
                  if (!table.hasColumn(column)) {
                    throw new IllegalArgumentException(
                        "table " + table.key() + " has no column " + column);
                  }
                  identifier(name, table.key() + "." + column);
                }));
    columnNames.forEach((table, renames) -> columns.put(table, Map.copyOf(renames)));
    return new DatastoreNames(layout, tables, columns);
  }

  private static String defaultName(DatastoreLayout layout, MappedTable table) {
    return layout == DatastoreLayout.PORTCULLIS ? table.portcullisName() : table.fsqlaName();
  }

  /** Whether {@code name} is a plain SQL identifier: letters, digits and _, at most 63. */
  public static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  private static String identifier(String name, String what) {
    if (!isIdentifier(name)) {
      throw new IllegalArgumentException(
          what
              + " name '"
              + name
              + "' is not a plain SQL identifier (letters, digits and _, at most 63)");
    }
    return name;
  }

  /** Whether these are Flask-Security's tables, adopted, rather than Portcullis' own. */
  public boolean adopted() {
    return layout != DatastoreLayout.PORTCULLIS;
  }

  /** The physical name of {@code table}. */
  public String table(MappedTable table) {
    return tables.get(table);
  }

  /** The physical name of {@code table}'s column called {@code column} in Portcullis' schema. */
  public String column(MappedTable table, String column) {
    return columns.getOrDefault(table, Map.of()).getOrDefault(column, column);
  }
}
