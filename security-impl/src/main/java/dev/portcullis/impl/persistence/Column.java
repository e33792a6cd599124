package dev.portcullis.impl.persistence;

/**
 * A column of Portcullis' user tables as Flask-Security's {@code fsqla_v3} model defines it (plus
 * Portcullis' additions): what schema adoption looks for, and what it adds when the column is
 * missing.
 *
 * @param name the column's name in Portcullis' own schema (Flask's name, unless marked otherwise)
 * @param kind what it holds
 * @param length the length of a {@link Kind#STRING} or {@link Kind#BINARY}, else 0
 * @param required {@code NOT NULL}
 * @param unique has a unique constraint
 * @param source the column a {@link Kind#LOWER_CASE} column lowers, or the table a {@link
 *     Kind#REFERENCE} points at; else {@code null}
 */
record Column(String name, Kind kind, int length, boolean required, boolean unique, String source) {

  /** What a column holds; the DDL per database is {@link ColumnDdl}'s business. */
  enum Kind {
    /** The primary key, assigned by the database on insert. */
    ID,
    /** A foreign key to another table's {@code id} (deleting the owner deletes the row). */
    REFERENCE,
    STRING,
    TEXT,
    BOOLEAN,
    INTEGER,
    /** Naive UTC ({@code TIMESTAMP WITHOUT TIME ZONE}, {@code DATETIME}). */
    TIMESTAMP,
    /** Naive UTC, {@code NOT NULL}, filled by the database when a row is inserted without it. */
    CREATED_TIMESTAMP,
    BINARY,
    BLOB,
    /**
     * Portcullis' own: {@code LOWER(source)}, computed and stored by the database, for indexed
     * case-insensitive look-ups on every database.
     */
    LOWER_CASE
  }

  static Column id() {
    return new Column("id", Kind.ID, 0, true, true, null);
  }

  static Column reference(String name, String table) {
    return new Column(name, Kind.REFERENCE, 0, true, false, table);
  }

  static Column string(String name, int length) {
    return new Column(name, Kind.STRING, length, false, false, null);
  }

  static Column lowerCase(String name, String source) {
    return new Column(name, Kind.LOWER_CASE, 255, false, false, source);
  }

  static Column of(String name, Kind kind) {
    return new Column(name, kind, kind == Kind.BINARY ? 1024 : 0, false, false, null);
  }

  Column notNull() {
    return new Column(name, kind, length, true, unique, source);
  }

  Column uniqueValues() {
    return new Column(name, kind, length, required, true, source);
  }

  /**
   * Whether adoption can add this column to a table that has rows: nullable, filled by the database
   * (a default or a computed value), or nothing a row could lack.
   */
  boolean addableToFilledTable() {
    return !required || kind == Kind.CREATED_TIMESTAMP || kind == Kind.LOWER_CASE;
  }
}
