package dev.portcullis.impl.openapi;

import dev.portcullis.impl.config.SecurityConfiguration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Puts Portcullis' JSON API into the MicroProfile OpenAPI document the server serves at {@code
 * /openapi}: the shipped description ({@link ApiDocument}) fitted to the application's
 * configuration ({@link DocumentTailor}) as the starting model, which the server then merges with
 * the application's own static document and annotations.
 *
 * <p>{@link OpenApiConfigSource} names this class as {@code mp.openapi.model.reader} with the
 * lowest priority, so it works without any setting. An application that has a reader of its own
 * sets that key itself and extends this class, adding to {@code super.buildModel()}:
 *
 * <pre>{@code
 * public class AppModelReader extends PortcullisModelReader {
 *   @Override
 *   public OpenAPI buildModel() {
 *     return super.buildModel().info(OASFactory.createInfo().title("My app").version("1"));
 *   }
 * }
 * }</pre>
 *
 * <p>The server creates readers itself, outside CDI, so the configuration is read here from the
 * application's class loader. With {@code security.openapi=false} the model is empty.
 */
public class PortcullisModelReader implements OASModelReader {

  private static final Logger LOG = Logger.getLogger(PortcullisModelReader.class.getName());

  /** For the server, which creates readers by reflection. */
  public PortcullisModelReader() {}

  @Override
  public OpenAPI buildModel() {
    return model(() -> SecurityConfiguration.of(PortcullisModelReader.class.getClassLoader()));
  }

  /** The model for the configuration {@code configuration} reads. */
  static OpenAPI model(Supplier<SecurityConfiguration> configuration) {
    OpenApiSettings settings;
    try {
      settings = OpenApiSettings.of(configuration.get());
    } catch (RuntimeException e) {
      // Why not fail: the server merges every application's document, so a failure here would
      // take the others down too. A misconfigured application has failed its deployment already.
      LOG.log(Level.WARNING, "Portcullis' endpoints are left out of /openapi", e);
      return empty();
    }
    return settings.enabled()
        ? ModelBuilder.openApi(new DocumentTailor(settings).tailor(ApiDocument.read()))
        : empty();
  }

  /** A model without paths: what the server builds when there is no reader. */
  private static OpenAPI empty() {
    return OASFactory.createOpenAPI().paths(OASFactory.createPaths());
  }
}
