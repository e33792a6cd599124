package dev.portcullis.impl.config;

/**
 * Portcullis is misconfigured. Thrown while the application starts, so the deployment fails with a
 * message that names the key to set, never at the first request.
 */
public class ConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ConfigurationException(ConfigKey key, String problem) {
    this(key.property(), problem);
  }

  /** For keys named at run time, such as a provider's {@code security.oauth.<name>.client_id}. */
  ConfigurationException(String property, String problem) {
    super("Portcullis configuration: " + property + " " + problem);
  }
}
