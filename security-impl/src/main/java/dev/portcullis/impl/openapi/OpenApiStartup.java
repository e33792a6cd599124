package dev.portcullis.impl.openapi;

import dev.portcullis.impl.config.SecurityConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Warns once at start-up when the application names a model reader of its own that does not extend
 * {@link PortcullisModelReader}: MicroProfile OpenAPI takes one reader, so Portcullis' endpoints
 * would be missing from {@code /openapi} without a word otherwise.
 */
@ApplicationScoped
public class OpenApiStartup {

  private static final Logger LOG = Logger.getLogger(OpenApiStartup.class.getName());

  @Inject SecurityConfiguration config;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    foreignReader(config, getClass().getClassLoader())
        .ifPresent(
            reader ->
                LOG.warning(
                    () ->
                        SecurityConfiguration.MODEL_READER_PROPERTY
                            + " names "
                            + reader
                            + ", which does not extend "
                            + OpenApiConfigSource.READER
                            + ": Portcullis' endpoints are not in /openapi. Extend it and add to"
                            + " super.buildModel(), or set security.openapi=false."));
  }

  /**
   * The configured reader when it leaves Portcullis' endpoints out although {@code
   * security.openapi} is on; empty when it is Portcullis' own or extends it, when it cannot be
   * loaded (the server reports that itself), and on servers without MicroProfile OpenAPI.
   */
  static Optional<String> foreignReader(SecurityConfiguration config, ClassLoader loader) {
    if (!config.openApi()) {
      return Optional.empty();
    }
    return config.openApiModelReader().filter(name -> !keepsPortcullis(name.strip(), loader));
  }

  /** Classes by name: without MicroProfile OpenAPI, loading Portcullis' reader fails. */
  private static boolean keepsPortcullis(String name, ClassLoader loader) {
    try {
      Class<?> portcullis = Class.forName(OpenApiConfigSource.READER, false, loader);
      return portcullis.isAssignableFrom(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
  }
}
