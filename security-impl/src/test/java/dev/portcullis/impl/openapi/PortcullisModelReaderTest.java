package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** What the reader hands the server, through a real MicroProfile OpenAPI model factory. */
class PortcullisModelReaderTest {

  @Test
  void modelWhenEnabledThenJsonApiUnderPrefixWithoutInfoOrServers() {
    Map<String, String> config = new HashMap<>(DocumentTailorTest.ALL_FEATURES);
    config.put("security.url_prefix", "/rest");

    OpenAPI model = PortcullisModelReader.model(() -> configuration(config));

    assertThat(model.getPaths().getPathItems()).containsKeys("/rest/login", "/rest/change-email");
    assertThat(model.getPaths().getPathItems().keySet()).allMatch(p -> p.startsWith("/rest/"));
    assertThat(model.getComponents().getSchemas()).containsKey("Portcullis.SignInReply");
    assertThat(model.getInfo()).isNull();
    assertThat(model.getServers()).isNullOrEmpty();
    assertThat(model.getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void modelWhenSwitchedOffThenNothingOfPortcullis() {
    OpenAPI model =
        PortcullisModelReader.model(() -> configuration(Map.of("security.openapi", "false")));

    assertThat(model.getPaths().getPathItems()).isNullOrEmpty();
    assertThat(model.getComponents()).isNull();
    assertThat(model.getTags()).isNullOrEmpty();
  }

  @Test
  void modelWhenConfigurationUnreadableThenEmptyModelInsteadOfFailure() {
    OpenAPI model =
        PortcullisModelReader.model(
            () -> new SecurityConfiguration(new MapConfig(Map.of("security.password_salt", "x"))));

    assertThat(model.getPaths().getPathItems()).isNullOrEmpty();
  }

  @Test
  void modelWhenBuiltTwiceThenEqualAndIndependent() {
    OpenAPI first = PortcullisModelReader.model(() -> configuration(Map.of()));
    first.getPaths().removePathItem("/api/login");

    OpenAPI second = PortcullisModelReader.model(() -> configuration(Map.of()));

    assertThat(second.getPaths().getPathItems()).containsKey("/api/login");
  }

  private static SecurityConfiguration configuration(Map<String, String> config) {
    return new SecurityConfiguration(MapConfig.valid(config));
  }
}
