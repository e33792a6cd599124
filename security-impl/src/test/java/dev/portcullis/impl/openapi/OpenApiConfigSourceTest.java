package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The default that makes servers run Portcullis' model reader without any setting. */
class OpenApiConfigSourceTest {

  private final OpenApiConfigSource source = new OpenApiConfigSource();

  @Test
  void getValueWhenModelReaderKeyThenPortcullisReaderAndNothingElse() {
    assertThat(source.getValue("mp.openapi.model.reader"))
        .isEqualTo(PortcullisModelReader.class.getName());
    assertThat(source.getPropertyNames()).containsExactly("mp.openapi.model.reader");
    assertThat(source.getValue("security.openapi")).isNull();
  }

  @Test
  void getOrdinalWhenComparedThenBelowEveryStandardSource() {
    assertThat(source.getOrdinal()).isPositive().isLessThan(ConfigSource.DEFAULT_ORDINAL);
  }

  @Test
  void serviceFileWhenReadThenRegistersTheSource() throws IOException {
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(
                "META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains(OpenApiConfigSource.class.getName());
    }
  }
}
