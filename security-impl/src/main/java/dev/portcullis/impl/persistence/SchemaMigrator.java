package dev.portcullis.impl.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades Portcullis' tables with Flyway, from {@code db/portcullis/<vendor>/} on the
 * classpath, recording them in its own history table {@value #HISTORY_TABLE} so that it coexists
 * with the application's own Flyway (or Liquibase) in the same schema.
 *
 * <p>Intended usage: a CDI startup hook (observer of {@code @Observes @Initialized
 * (ApplicationScoped.class)}, or a {@code @Startup} singleton) runs it once per deployment, before
 * any request reaches the stores, with the data source of the {@code portcullis} persistence unit
 * ({@code java:app/jdbc/portcullis}):
 *
 * <pre>{@code
 * @Resource(lookup = "java:app/jdbc/portcullis") DataSource dataSource;
 *
 * void migrate(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
 *   SchemaMigrator.Result result = new SchemaMigrator().migrate(dataSource);
 *   log.info(() -> "Portcullis schema " + result);
 * }
 * }</pre>
 *
 * Nodes of a cluster may call it concurrently: Flyway serializes them with a database lock and the
 * later ones find nothing to do. A failure must fail the deployment. The application may also skip
 * it (setting decided by the hook) and apply the SQL files with its own tooling.
 *
 * <p>The schema may already hold the application's tables. Flyway refuses to migrate a non-empty
 * schema without a history table unless {@code baselineOnMigrate} is on, so it is on with baseline
 * version 0: the first run records a baseline below V1 and then applies V1 (with the default
 * baseline version 1, V1 would be skipped and no table created).
 */
public final class SchemaMigrator {

  /** The Flyway history table, distinct from Flyway's default {@code flyway_schema_history}. */
  public static final String HISTORY_TABLE = "portcullis_schema_history";

  static final String LOCATION_ROOT = "classpath:db/portcullis/";

  /** The migration folders, one per SQL dialect. */
  public enum Vendor {
    /** H2 2.x (Payara Micro's default data source). */
    H2("h2"),
    /** PostgreSQL 12+ (generated columns). */
    POSTGRESQL("postgresql"),
    /** MySQL 8.0.13+ and MariaDB 10.2+. */
    MYSQL("mysql");

    private final String folder;

    Vendor(String folder) {
      this.folder = folder;
    }

    /** The folder under {@code db/portcullis/}. */
    public String folder() {
      return folder;
    }

    /**
     * The dialect for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}.
     *
     * @throws IllegalStateException for a database without Portcullis migrations
     */
    public static Vendor ofProductName(String productName) {
      String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
      if (name.equals("h2")) {
        return H2;
      }
      if (name.equals("postgresql")) {
        return POSTGRESQL;
      }
      if (name.equals("mysql") || name.equals("mariadb")) {
        return MYSQL;
      }
      throw new IllegalStateException(
          "Portcullis has no schema migrations for database '"
              + productName
              + "'; supported: H2, PostgreSQL, MariaDB, MySQL");
    }
  }

  /**
   * What a migration did.
   *
   * @param vendor the dialect folder used
   * @param migrationsExecuted how many migrations ran now (0 when the schema was up to date)
   * @param schemaVersion the schema version afterwards, e.g. {@code 1}
   */
  public record Result(Vendor vendor, int migrationsExecuted, String schemaVersion) {}

  /**
   * Brings the schema of {@code dataSource}'s default schema/database up to date.
   *
   * @throws IllegalStateException when the database product is not supported
   * @throws org.flywaydb.core.api.FlywayException when a migration fails
   */
  public Result migrate(DataSource dataSource) {
    Vendor vendor = detect(dataSource);
    MigrateResult result =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION_ROOT + vendor.folder())
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .baselineDescription("Portcullis baseline before V1")
            .load()
            .migrate();
    String version = currentVersion(result);
    return new Result(vendor, result.migrationsExecuted, version);
  }

  static Vendor detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return Vendor.ofProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  private static String currentVersion(MigrateResult result) {
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }
}
