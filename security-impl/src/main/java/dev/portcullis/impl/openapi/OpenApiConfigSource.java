package dev.portcullis.impl.openapi;

import dev.portcullis.impl.config.SecurityConfiguration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Names {@link PortcullisModelReader} as {@code mp.openapi.model.reader}, registered through {@code
 * META-INF/services}, so that a server supporting MicroProfile OpenAPI describes the JSON API
 * without any setting. Its ordinal is below the standard ones: any other source that sets the key
 * (the application's {@code microprofile-config.properties} at 100, environment, system properties)
 * wins, and {@link OpenApiStartup} warns when the reader it names does not extend Portcullis'.
 */
public class OpenApiConfigSource implements ConfigSource {

  /**
   * Below every standard source (100 and up). Not {@code Integer.MIN_VALUE}: implementations that
   * compare ordinals by subtraction would overflow.
   */
  static final int ORDINAL = 1;

  /**
   * {@link PortcullisModelReader}, by name: a class literal would load the reader, and with it
   * MicroProfile OpenAPI's interface, on servers that have MicroProfile Config but no OpenAPI —
   * where every application with Portcullis would then fail to read its configuration.
   */
  static final String READER = "dev.portcullis.impl.openapi.PortcullisModelReader";

  private static final Map<String, String> PROPERTIES =
      Map.of(SecurityConfiguration.MODEL_READER_PROPERTY, READER);

  @Override
  public Set<String> getPropertyNames() {
    return PROPERTIES.keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    return PROPERTIES;
  }

  @Override
  public String getValue(String propertyName) {
    return PROPERTIES.get(propertyName);
  }

  @Override
  public String getName() {
    return "Portcullis OpenAPI defaults";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
