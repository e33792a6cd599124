package dev.portcullis.impl.openapi;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * Fits the shipped document to one application's configuration, so that the served description says
 * what this deployment answers: elements of disabled features and settings go ({@link Conditions});
 * the paths move under {@code security.url_prefix}; authenticated operations list only the
 * mechanisms of {@code security.api_enabled_methods}; the security schemes carry the configured
 * header, query parameter and cookie names. {@code info} and {@code servers} are left out: they
 * belong to the application.
 */
final class DocumentTailor {

  static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Which mechanism each of Portcullis' security schemes is. */
  static final Map<String, Mechanism> SCHEMES =
      Map.of(
          "portcullisSession", Mechanism.SESSION,
          "portcullisRememberMe", Mechanism.SESSION,
          "portcullisToken", Mechanism.TOKEN,
          "portcullisTokenQuery", Mechanism.TOKEN,
          "portcullisBasic", Mechanism.BASIC);

  private final OpenApiSettings settings;

  DocumentTailor(OpenApiSettings settings) {
    this.settings = settings;
  }

  /** The document as this application serves it. */
  JsonObject tailor(JsonObject document) {
    JsonObject kept = (JsonObject) new Conditions(settings.conditions()).apply(document);
    JsonObjectBuilder result = Jsons.object(kept).remove("info").remove("servers");
    result.add("paths", paths(kept.getJsonObject("paths")));
    if (kept.containsKey("components")) {
      result.add("components", components(kept.getJsonObject("components")));
    }
    return result.build();
  }

  private JsonObject paths(JsonObject paths) {
    JsonObjectBuilder moved = Jsons.object();
    paths.forEach(
        (path, item) -> {
          JsonObject tailored = pathItem((JsonObject) item);
          if (tailored.keySet().stream().anyMatch(OPERATIONS::contains)) {
            moved.add(settings.pathPrefix() + path, tailored);
          }
        });
    return moved.build();
  }

  private JsonObject pathItem(JsonObject item) {
    JsonObjectBuilder result = Jsons.object(item);
    item.forEach(
        (name, value) -> {
          if (OPERATIONS.contains(name) && ((JsonObject) value).containsKey("security")) {
            JsonObject operation = (JsonObject) value;
            result.add(
                name,
                Jsons.object(operation)
                    .add("security", enabled(operation.getJsonArray("security"))));
          }
        });
    return result.build();
  }

  /** The security requirements whose every scheme is a mechanism the endpoints accept. */
  private JsonArray enabled(JsonArray requirements) {
    JsonArrayBuilder kept = Jsons.array();
    requirements.stream()
        .map(JsonValue::asJsonObject)
        .filter(requirement -> requirement.keySet().stream().allMatch(this::accepted))
        .forEach(kept::add);
    return kept.build();
  }

  private boolean accepted(String scheme) {
    Mechanism mechanism = SCHEMES.get(scheme);
    if (mechanism == null) {
      throw new IllegalArgumentException("Unknown security scheme '" + scheme + "'");
    }
    return settings.apiMechanisms().contains(mechanism);
  }

  private JsonObject components(JsonObject components) {
    if (!components.containsKey("securitySchemes")) {
      return components;
    }
    JsonObject schemes = components.getJsonObject("securitySchemes");
    JsonObject named =
        Jsons.object(schemes)
            .add("portcullisToken", renamed(schemes, "portcullisToken", settings.tokenHeader()))
            .add(
                "portcullisTokenQuery",
                renamed(schemes, "portcullisTokenQuery", settings.tokenQueryKey()))
            .add(
                "portcullisRememberMe",
                renamed(schemes, "portcullisRememberMe", settings.rememberCookie()))
            .build();
    return Jsons.object(components).add("securitySchemes", named).build();
  }

  private static JsonObject renamed(JsonObject schemes, String scheme, String name) {
    return Jsons.object(schemes.getJsonObject(scheme)).add("name", name).build();
  }
}
