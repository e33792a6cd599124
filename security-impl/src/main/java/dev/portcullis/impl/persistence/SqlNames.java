package dev.portcullis.impl.persistence;

/**
 * {@link DatastoreNames} written for native SQL on one database. Flask-Security's names are quoted
 * (its user table is {@code user}, a reserved word in PostgreSQL, and SQLAlchemy created it quoted
 * under exactly that name); Portcullis' own names are not, because they were created unquoted and
 * H2 stores unquoted names in upper case, which a quoted lower-case name would not match.
 *
 * @param names the names
 * @param quote the database's identifier quote, or empty for Portcullis' own names
 */
public record SqlNames(DatastoreNames names, String quote) {

  /** Portcullis' own tables, unquoted. */
  public static final SqlNames PORTCULLIS = new SqlNames(DatastoreNames.PORTCULLIS, "");

  /** The names as {@code vendor} needs them. */
  public static SqlNames of(DatastoreNames names, SchemaMigrator.Vendor vendor) {
    return new SqlNames(names, names.adopted() ? vendor.identifierQuote() : "");
  }

  /** The table's name for native SQL. */
  public String table(MappedTable table) {
    return quote + names.table(table) + quote;
  }

  /** The column's name for native SQL. */
  public String column(MappedTable table, String column) {
    return quote + names.column(table, column) + quote;
  }

  /** Whether the tables are Flask-Security's, adopted. */
  public boolean adopted() {
    return names.adopted();
  }
}
