package dev.portcullis.impl.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Creates or upgrades Portcullis' schema once per deployment: eagerly when the web application
 * starts (a failure fails the deployment), and in any case before the JPA stores are first used.
 *
 * <p>Not a CDI {@code @Initialized} observer: on Payara that fires before an application's
 * {@code @DataSourceDefinition} is bound.
 */
@ApplicationScoped
public class SchemaStartup {

  static final String DATA_SOURCE = "java:app/jdbc/portcullis";
  private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

  @Inject DatastoreNames names;

  private volatile SqlNames sql;
  private volatile SchemaMigrator.Vendor vendor;
  private volatile DataSource source;

  /** Migrates (or adopts Flask-Security's tables) unless this deployment already did. */
  public void ensureMigrated() {
    sqlNames();
  }

  /** The tables' names for native SQL on this database; migrates first if needed. */
  public SqlNames sqlNames() {
    SqlNames known = sql;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (sql == null) {
        SchemaMigrator.Result result = new SchemaMigrator().migrate(source(), names);
        LOG.info(() -> "Portcullis schema: " + result);
        vendor = result.vendor();
        sql = SqlNames.of(names, result.vendor());
      }
      return sql;
    }
  }

  /** The database's dialect; migrates first if needed. */
  public SchemaMigrator.Vendor vendor() {
    sqlNames();
    return vendor;
  }

  /**
   * How many of Portcullis' migrations the database lacks, for readiness: 0 once this deployment
   * migrated it (and nobody removed a migration since).
   *
   * @throws RuntimeException when the database cannot be read
   */
  public int pendingMigrations() {
    return new SchemaMigrator().pending(source(), names);
  }

  /**
   * Whether a connection from Portcullis' data source answers within {@code seconds} (JDBC {@code
   * isValid}), for readiness.
   */
  public boolean reachable(int seconds) {
    try (Connection connection = source().getConnection()) {
      return connection.isValid(seconds);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Portcullis' datasource as this application resolved it. Why kept: {@code java:app} names
   * resolve only on the application's threads, and the readiness check runs on the server's.
   */
  private DataSource source() {
    DataSource known = source;
    if (known == null) {
      known = dataSource();
      source = known;
    }
    return known;
  }

  /** Portcullis' datasource. */
  static DataSource dataSource() {
    try {
      return (DataSource) new InitialContext().lookup(DATA_SOURCE);
    } catch (NamingException e) {
      throw new IllegalStateException(
          "Portcullis needs a datasource at " + DATA_SOURCE + " (see the README)", e);
    }
  }

  /** Runs the migration when the web application starts. */
  @WebListener
  public static class OnStart implements ServletContextListener {

    @Inject SchemaStartup schema;

    @Override
    public void contextInitialized(ServletContextEvent event) {
      schema.ensureMigrated();
    }
  }
}
