package dev.portcullis.sample;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC data source configured by environment variables, for {@link SampleDataSource}: the
 * vendor's {@code DataSource} class named by {@code PORTCULLIS_DB_CLASS} (default H2's), with
 * {@code PORTCULLIS_DB_URL}, {@code PORTCULLIS_DB_USER} and {@code PORTCULLIS_DB_PASSWORD}
 * (defaults: an in-memory H2 database, user {@code sa}, empty password). A system property of the
 * same name wins over the variable.
 *
 * <p>The server instantiates this class for {@code @DataSourceDefinition} and pools the connections
 * it hands out; each {@link #getConnection()} here opens a physical one from the vendor's data
 * source. The vendor class is loaded by the application's class loader, which sees the server's
 * driver (Payara's H2, WildFly's {@code com.h2database.h2} module, a Liberty shared library) or one
 * packaged in the WAR.
 */
public class EnvironmentDataSource implements DataSource {

  static final String DEFAULT_CLASS = "org.h2.jdbcx.JdbcDataSource";
  static final String DEFAULT_URL = "jdbc:h2:mem:portcullis;DB_CLOSE_DELAY=-1";
  static final String DEFAULT_USER = "sa";

  private final DataSource vendor;
  private String description = "";

  /** From the process environment (and system properties). */
  public EnvironmentDataSource() {
    this(EnvironmentDataSource::lookup);
  }

  /** From {@code settings}: a variable name to its value, or null when unset. */
  EnvironmentDataSource(UnaryOperator<String> settings) {
    String className = setting(settings, "PORTCULLIS_DB_CLASS", DEFAULT_CLASS);
    this.vendor = instantiate(className);
    set(vendor, setting(settings, "PORTCULLIS_DB_URL", DEFAULT_URL), "setURL", "setUrl");
    set(vendor, setting(settings, "PORTCULLIS_DB_USER", DEFAULT_USER), "setUser");
    set(vendor, setting(settings, "PORTCULLIS_DB_PASSWORD", ""), "setPassword");
  }

  /** The vendor's data source, configured (for tests). */
  DataSource vendor() {
    return vendor;
  }

  private static String lookup(String name) {
    String property = System.getProperty(name);
    return property != null ? property : System.getenv(name);
  }

  private static String setting(UnaryOperator<String> settings, String name, String fallback) {
    String value = settings.apply(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static DataSource instantiate(String className) {
    try {
      Class<?> type = Class.forName(className, true, EnvironmentDataSource.class.getClassLoader());
      Object instance = type.getConstructor().newInstance();
      if (instance instanceof DataSource dataSource) {
        return dataSource;
      }
      throw new IllegalStateException(
          "PORTCULLIS_DB_CLASS=" + className + " is not a javax.sql.DataSource");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "PORTCULLIS_DB_CLASS="
              + className
              + " cannot be loaded: the JDBC driver must be visible to the application"
              + " (a server module or shared library, or a jar in WEB-INF/lib)",
          e);
    }
  }

  /**
   * Calls the first of {@code setters} (String argument) the vendor's class has: the JDBC URL
   * setter is {@code setURL} for H2 and PostgreSQL, {@code setUrl} for MariaDB.
   */
  private static void set(DataSource target, String value, String... setters) {
    for (String name : setters) {
      Method setter;
      try {
        setter = target.getClass().getMethod(name, String.class);
      } catch (NoSuchMethodException e) {
        continue;
      }
      try {
        setter.invoke(target, value);
        return;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(target.getClass().getName() + "." + name, e);
      } catch (InvocationTargetException e) {
        // Never the value: it may be a password.
        throw new IllegalStateException(
            target.getClass().getName() + "." + name + " refused its value", e.getCause());
      }
    }
    throw new IllegalStateException(
        target.getClass().getName() + " has none of " + String.join(", ", setters) + "(String)");
  }

  /** The JDBC standard property {@code description}; no effect on connections. */
  public String getDescription() {
    return description;
  }

  /**
   * Set from {@code @DataSourceDefinition(properties = "description=...")}: WildFly's connector
   * refuses a data source class for which the definition sets no property at all.
   */
  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return vendor.getConnection();
  }

  /**
   * With {@code username} null, the configured user and password: WildFly's pool calls this with
   * the definition's user, null or empty when the definition names none (the sample's never does:
   * an empty one from {@code @DataSourceDefinition}'s default), and PostgreSQL refuses a null or
   * empty user ("no PostgreSQL user name specified").
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return username == null || username.isEmpty()
        ? vendor.getConnection()
        : vendor.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return vendor.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    vendor.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    vendor.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return vendor.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return vendor.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(vendor) ? type.cast(vendor) : vendor.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(vendor) || vendor.isWrapperFor(type);
  }
}
