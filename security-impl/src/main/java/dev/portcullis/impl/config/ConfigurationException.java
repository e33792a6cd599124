package dev.portcullis.impl.config;

/**
 * Portcullis is misconfigured. Thrown while the application starts, so the deployment fails with a
 * message that names the key to set, never at the first request.
 */
public class ConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ConfigurationException(ConfigKey key, String problem) {
    super("Portcullis configuration: " + key.property() + " " + problem);
  }
}
