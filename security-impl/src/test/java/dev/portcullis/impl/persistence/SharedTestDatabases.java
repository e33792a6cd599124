package dev.portcullis.impl.persistence;

import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The repository tests' databases for tests in other packages (the mail outbox): a freshly created,
 * migrated schema and the matching {@code portcullis-test} unit properties.
 */
public final class SharedTestDatabases {

  /** The database kinds of {@link TestDatabase}. */
  public enum Kind {
    H2,
    POSTGRESQL,
    MARIADB
  }

  /** A migrated, empty schema and its JPA properties. */
  public record Schema(DataSource dataSource, Map<String, Object> jpaProperties) {}

  private SharedTestDatabases() {}

  /** Whether the external databases take part ({@code -Dportcullis.db.matrix=true}). */
  public static boolean matrixEnabled() {
    return TestDatabase.matrixEnabled();
  }

  /** Drops and re-creates {@code schema} on {@code kind}, then runs Portcullis' migrations. */
  public static Schema migrated(Kind kind, String schema) throws SQLException {
    TestDatabase database =
        switch (kind) {
          case H2 -> new TestDatabase.H2();
          case POSTGRESQL -> new TestDatabase.Postgresql();
          case MARIADB -> new TestDatabase.MariaDb();
        };
    DataSource dataSource = database.recreate(schema);
    new SchemaMigrator().migrate(dataSource);
    return new Schema(dataSource, database.jpaProperties(schema));
  }
}
