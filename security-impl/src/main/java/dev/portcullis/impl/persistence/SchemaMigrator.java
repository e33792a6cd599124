package dev.portcullis.impl.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>With Flask-Security's tables ({@link DatastoreNames#adopted()}) the user tables are not
 * Flyway's: {@link SchemaAdoption} recognises and completes them first (and creates {@code
 * portcullis_id_gen}), then Flyway runs with baseline version 1, which skips V1 (Portcullis' own
 * {@code fs_user}, {@code fs_role}, ...) and applies the rest (the mail outbox). A migration that
 * adds a column to the user tables must therefore also add it to {@link MappedTable}; {@code
 * SchemaAdoptionModelTest} fails until it does.
 */
public final class SchemaMigrator {

  /** The Flyway history table, distinct from Flyway's default {@code flyway_schema_history}. */
  public static final String HISTORY_TABLE = "portcullis_schema_history";

  static final String LOCATION_ROOT = "classpath:db/portcullis/";

  private final String locationRoot;

  /** Migrations from Portcullis' own folders, {@value #LOCATION_ROOT}{@code <vendor>}. */
  public SchemaMigrator() {
    this(LOCATION_ROOT);
  }

  /**
   * Migrations from {@code locationRoot + vendor folder} (tests of a missing or empty location).
   */
  SchemaMigrator(String locationRoot) {
    this.locationRoot = locationRoot;
  }

  /** The migration folders, one per SQL dialect. */
  public enum Vendor {
    /** H2 2.x (Payara Micro's default data source). */
    H2("h2", "\""),
    /** PostgreSQL 12+ (generated columns). */
    POSTGRESQL("postgresql", "\""),
    /** MySQL 8.0.13+ and MariaDB 10.2+. */
    MYSQL("mysql", "`");

    private final String folder;
    private final String identifierQuote;

    Vendor(String folder, String identifierQuote) {
      this.folder = folder;
      this.identifierQuote = identifierQuote;
    }

    /** The folder under {@code db/portcullis/}. */
    public String folder() {
      return folder;
    }

    /** The quote of a delimited identifier (backticks work in every MySQL/MariaDB SQL mode). */
    public String identifierQuote() {
      return identifierQuote;
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
   * @param adopted what adopting Flask-Security's tables added ({@code user.email_lower}, a table
   *     name), empty for Portcullis' own tables or when nothing was missing
   */
  public record Result(
      Vendor vendor, int migrationsExecuted, String schemaVersion, List<String> adopted) {

    public Result {
      adopted = List.copyOf(adopted);
    }
  }

  /**
   * Brings the schema of {@code dataSource}'s default schema/database up to date, with Portcullis'
   * own tables.
   *
   * @throws IllegalStateException when the database product is not supported
   * @throws org.flywaydb.core.api.FlywayException when a migration fails
   */
  public Result migrate(DataSource dataSource) {
    return migrate(dataSource, DatastoreNames.PORTCULLIS);
  }

  /**
   * Brings the schema of {@code dataSource}'s default schema/database up to date for the users and
   * roles in {@code names}: Portcullis' own tables, or Flask-Security's adopted in place.
   *
   * @throws IllegalStateException when the database product is not supported, or Flask-Security's
   *     tables cannot be adopted (the message says why)
   * @throws org.flywaydb.core.api.FlywayException when a migration fails
   */
  public Result migrate(DataSource dataSource, DatastoreNames names) {
    Vendor vendor = detect(dataSource);
    List<String> adopted = List.of();
    if (names.adopted()) {
      if (vendor == Vendor.H2) {
        throw new IllegalStateException(
            "security.datastore_schema="
                + names.layout().value()
                + " (Flask-Security's tables) needs PostgreSQL or MariaDB/MySQL, not H2");
      }
      adopted = new SchemaAdoption(vendor, names).adopt(dataSource);
    }
    String location = locationRoot + vendor.folder();
    Flyway flyway = flyway(dataSource, names, location);
    requireMigrationsFound(flyway, location);
    MigrateResult result = flyway.migrate();
    String version = currentVersion(result);
    return new Result(vendor, result.migrationsExecuted, version, adopted);
  }

  /**
   * How many of Portcullis' migrations {@code dataSource} lacks (0 when up to date), without
   * running them: for the readiness check.
   *
   * @throws org.flywaydb.core.api.FlywayException when the database cannot be read
   */
  public int pending(DataSource dataSource, DatastoreNames names) {
    Flyway flyway = flyway(dataSource, names, locationRoot + detect(dataSource).folder());
    return flyway.info().pending().length;
  }

  private Flyway flyway(DataSource dataSource, DatastoreNames names, String location) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        // A location Flyway cannot find fails here instead of leaving an empty schema.
        .failOnMissingLocations(true)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion(names.adopted() ? "1" : "0")
        .baselineDescription(
            names.adopted()
                ? "Portcullis baseline after V1: users and roles in the Flask-Security tables"
                : "Portcullis baseline before V1")
        .load();
  }

  /**
   * Flyway reports success when it scanned a location and found nothing in it, which is what
   * happens when it cannot list the class loader's resources (on Open Liberty it takes IBM's class
   * loaders for WebSphere's and finds a folder only through a {@code flyway.location} marker file
   * in it). The application would then die later on a missing table; this fails the deployment now,
   * naming the cause.
   */
  private static void requireMigrationsFound(Flyway flyway, String location) {
    boolean found =
        Arrays.stream(flyway.info().all()).anyMatch(m -> m.getResolvedChecksum() != null);
    if (!found) {
      throw new IllegalStateException(
          "Flyway found no Portcullis migrations in "
              + location
              + " (class loader "
              + SchemaMigrator.class.getClassLoader().getClass().getName()
              + "): the folder must be readable through the class path and hold its"
              + " flyway.location marker file; refusing to run on an empty schema");
    }
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
