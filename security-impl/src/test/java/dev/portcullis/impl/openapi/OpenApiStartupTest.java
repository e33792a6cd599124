package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** The start-up warning about a model reader that leaves Portcullis' endpoints out. */
class OpenApiStartupTest {

  /** An application's reader that keeps Portcullis' endpoints. */
  public static class ExtendingReader extends PortcullisModelReader {}

  /** An application's reader that does not. */
  public static class OwnReader implements OASModelReader {
    @Override
    public OpenAPI buildModel() {
      return null;
    }
  }

  private static final ClassLoader LOADER = OpenApiStartupTest.class.getClassLoader();

  @Test
  void foreignReaderWhenPortcullisReaderOrSubclassThenNone() {
    assertThat(foreign(Map.of("mp.openapi.model.reader", PortcullisModelReader.class.getName())))
        .isEmpty();
    assertThat(foreign(Map.of("mp.openapi.model.reader", ExtendingReader.class.getName())))
        .isEmpty();
  }

  @Test
  void foreignReaderWhenOwnReaderThenNamesIt() {
    assertThat(foreign(Map.of("mp.openapi.model.reader", " " + OwnReader.class.getName())))
        .contains(" " + OwnReader.class.getName());
  }

  @Test
  void foreignReaderWhenSwitchedOffThenNone() {
    assertThat(
            foreign(
                Map.of(
                    "mp.openapi.model.reader",
                    OwnReader.class.getName(),
                    "security.openapi",
                    "false")))
        .isEmpty();
  }

  @Test
  void foreignReaderWhenUnsetOrUnloadableThenNone() {
    assertThat(foreign(Map.of())).isEmpty();
    assertThat(foreign(Map.of("mp.openapi.model.reader", "com.example.Missing"))).isEmpty();
  }

  private static java.util.Optional<String> foreign(Map<String, String> config) {
    var configuration = new SecurityConfiguration(MapConfig.valid(new HashMap<>(config)));
    return OpenApiStartup.foreignReader(configuration, LOADER);
  }
}
