package dev.portcullis.sample.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source as a plain {@link DataSource}, for the MariaDB adoption IT. Payara pools a
 * {@code @DataSourceDefinition} class that implements {@code XADataSource} as an XA resource, and
 * {@code org.mariadb.jdbc.MariaDbDataSource} (3.5) implements it: on Payara Micro 6 the first JPA
 * read after a committed transaction then gets a pooled connection the driver has closed
 * ("Connection is closed"), with Portcullis' own tables as much as with Flask's. Offered only as a
 * {@code DataSource}, it is pooled with local transactions, as PostgreSQL's {@code
 * PGSimpleDataSource} is.
 */
public class MariaDbLocalDataSource implements DataSource {

  private final MariaDbDataSource driver = new MariaDbDataSource();

  public void setUrl(String url) throws SQLException {
    driver.setUrl(url);
  }

  public void setUser(String user) throws SQLException {
    driver.setUser(user);
  }

  public void setPassword(String password) throws SQLException {
    driver.setPassword(password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return driver.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return driver.getConnection(user, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
