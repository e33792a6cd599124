package dev.portcullis.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@link EnvironmentDataSource} configured from the resource {@value #RESOURCE} the test writes
 * into the WAR (the proxy's port is known only when the test starts) instead of the environment:
 * the sample's own data source code, pointed at PostgreSQL through the test's {@code
 * DatabaseProxy}.
 */
public class ProxiedDataSource extends EnvironmentDataSource {

  static final String RESOURCE = "/faults-database.properties";

  public ProxiedDataSource() {
    super(load()::getProperty);
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = ProxiedDataSource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test's WAR");
      }
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
