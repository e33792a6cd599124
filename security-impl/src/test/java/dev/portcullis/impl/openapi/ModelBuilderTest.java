package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.json.Jsons;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

/**
 * The JSON-to-model step, against a real MicroProfile OpenAPI implementation (SmallRye's, in the
 * tests; the server's own at runtime).
 */
class ModelBuilderTest {

  @Test
  void openApiWhenShippedDocumentThenModelSerializesBackToIt() {
    JsonObject document = allConditionsOn(ApiDocument.read());

    OpenAPI model = ModelBuilder.openApi(document);

    assertThat(withoutDefaultHeaderStyle(json(model))).isEqualTo(document);
  }

  @Test
  void openApiWhenKeyUnknownThenFailsNamingKeyAndPlace() {
    JsonObject document =
        parse("{\"paths\":{\"/a/b\":{\"get\":{\"responses\":{},\"callbacks\":{}}}}}");

    assertThatThrownBy(() -> ModelBuilder.openApi(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[callbacks]")
        .hasMessageContaining("#/paths/~1a~1b/get");
  }

  @Test
  void openApiWhenReferenceHasSiblingThenFails() {
    JsonObject document =
        parse(
            "{\"components\":{\"schemas\":{\"A\":{\"$ref\":\"#/components/schemas/B\","
                + "\"description\":\"ignored by OpenAPI 3.0\"}}}}");

    assertThatThrownBy(() -> ModelBuilder.openApi(document))
        .hasMessageContaining("[description]")
        .hasMessageContaining("#/components/schemas/A");
  }

  @Test
  void openApiWhenValueOfWrongTypeThenFailsNamingPlace() {
    JsonObject document = parse("{\"components\":{\"schemas\":{\"A\":{\"minItems\":\"1\"}}}}");

    assertThatThrownBy(() -> ModelBuilder.openApi(document))
        .hasMessageContaining("#/components/schemas/A/minItems must be JsonNumber");
  }

  @Test
  void openApiWhenUnknownEnumSpellingThenFails() {
    JsonObject document =
        parse("{\"components\":{\"securitySchemes\":{\"s\":{\"type\":\"apikey\"}}}}");

    assertThatThrownBy(() -> ModelBuilder.openApi(document))
        .hasMessageContaining("'apikey'")
        .hasMessageContaining("#/components/securitySchemes/s");
  }

  /** The shipped document with every feature on, as the reader hands it over minus the prefix. */
  static JsonObject allConditionsOn(JsonObject document) {
    Map<String, Boolean> on = new java.util.HashMap<>();
    OpenApiSettings.of(new SecurityConfiguration(MapConfig.valid(Map.of())))
        .conditions()
        .keySet()
        .forEach(name -> on.put(name, true));
    return (JsonObject) new Conditions(on).apply(document);
  }

  /** Without the {@code style: simple} SmallRye writes into every header (the default anyway). */
  static JsonObject withoutDefaultHeaderStyle(JsonObject json) {
    var result = Jsons.object();
    json.forEach(
        (name, value) -> {
          if (value instanceof JsonObject object) {
            boolean defaultStyle = "simple".equals(object.getString("style", null));
            result.add(
                name,
                withoutDefaultHeaderStyle(
                    defaultStyle ? Jsons.object(object).remove("style").build() : object));
          } else {
            result.add(name, value);
          }
        });
    return result.build();
  }

  /** The model as SmallRye writes it, with nothing of SmallRye's own added. */
  static JsonObject json(OpenAPI model) {
    String json =
        SmallRyeOpenAPI.builder()
            .withConfig(new MapConfig(Map.of()))
            .withInitialModel(model)
            .enableModelReader(false)
            .enableStandardStaticFiles(false)
            .enableAnnotationScan(false)
            .enableStandardFilter(false)
            .build()
            .toJSON();
    return parse(json);
  }

  static JsonObject parse(String json) {
    try (var reader = Jsons.reader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
