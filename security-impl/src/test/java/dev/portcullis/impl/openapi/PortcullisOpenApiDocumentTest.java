package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.AnonymousRequired;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.csrf.CsrfExempt;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.FormData;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped description against the code it describes: every JAX-RS method of Portcullis is
 * described (and nothing else), with its feature, authentication, body, CSRF parameter and the
 * statuses its filters can answer; and the document is valid OpenAPI 3.0.
 */
class PortcullisOpenApiDocumentTest {

  /** A JAX-RS resource method of security-impl. */
  record Endpoint(String method, String path, Class<?> type, Method java) {

    String key() {
      return method + " " + path;
    }

    boolean has(Class<? extends java.lang.annotation.Annotation> annotation) {
      return java.isAnnotationPresent(annotation) || type.isAnnotationPresent(annotation);
    }

    boolean readsBody() {
      return Arrays.asList(java.getParameterTypes()).contains(FormData.class);
    }
  }

  static JsonObject document;
  static Map<String, Endpoint> endpoints;

  @BeforeAll
  static void read() {
    document = ModelBuilderTest.allConditionsOn(ApiDocument.read());
    endpoints = new HashMap<>();
    new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis.impl")
            .stream()
            .filter(type -> type.isAnnotatedWith(Path.class))
            .map(JavaClass::reflect)
            .forEach(PortcullisOpenApiDocumentTest::collect);
  }

  @Test
  void documentWhenComparedWithResourcesThenDescribesEveryMethodAndNothingElse() {
    assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(endpoints.keySet());
  }

  @Test
  void documentWhenFeatureGatedThenPathNamesTheFeature() {
    endpoints
        .values()
        .forEach(
            endpoint -> {
              Feature.Gated gated = endpoint.type().getAnnotation(Feature.Gated.class);
              JsonObject raw = rawPathItem(endpoint.path());
              assertThat(Optional.ofNullable(raw.getString(Conditions.KEY, null)))
                  .as("feature of %s", endpoint.path())
                  .isEqualTo(Optional.ofNullable(gated).map(g -> String.join("|", g.value())));
            });
  }

  @Test
  void documentWhenEndpointNeedsAuthenticationThenSecurityAnd401() {
    endpoints
        .values()
        .forEach(
            endpoint -> {
              JsonObject operation = operations().get(endpoint.key());
              boolean authenticated = endpoint.has(AuthRequired.class);
              assertThat(operation.containsKey("security"))
                  .as("security of %s", endpoint.key())
                  .isEqualTo(authenticated);
              assertThat(statuses(operation).contains("401"))
                  .as("401 of %s", endpoint.key())
                  .isEqualTo(authenticated);
            });
  }

  @Test
  void documentWhenEndpointReadsBodyThenRequestBodyAnd400And413() {
    endpoints
        .values()
        .forEach(
            endpoint -> {
              JsonObject operation = operations().get(endpoint.key());
              assertThat(operation.containsKey("requestBody"))
                  .as("body of %s", endpoint.key())
                  .isEqualTo(endpoint.readsBody());
              if (endpoint.readsBody()) {
                assertThat(statuses(operation)).as(endpoint.key()).contains("400", "413");
                assertThat(operation.getJsonObject("requestBody").getJsonObject("content").keySet())
                    .containsExactlyInAnyOrder(
                        "application/json", "application/x-www-form-urlencoded");
              }
            });
  }

  @Test
  void documentWhenEveryEndpointThenBrowsersRedirected() {
    // Except the JWK Set: services read it, never browsers, so it answers the same to everyone.
    operations().entrySet().stream()
        .filter(entry -> !entry.getKey().equals("GET /jwks"))
        .forEach(
            entry -> assertThat(statuses(entry.getValue())).as(entry.getKey()).contains("302"));
  }

  @Test
  void documentWhenUnsafeAndNotExemptThenCsrfHeaderAnd400() {
    endpoints.values().stream()
        .filter(endpoint -> endpoint.method().equals("POST"))
        .forEach(
            endpoint -> {
              JsonObject operation = operations().get(endpoint.key());
              boolean protectedByCsrf = !endpoint.has(CsrfExempt.class);
              assertThat(parameterRefs(operation).contains("Portcullis.CsrfHeader"))
                  .as("CSRF header of %s", endpoint.key())
                  .isEqualTo(protectedByCsrf);
              if (protectedByCsrf) {
                assertThat(statuses(operation)).as(endpoint.key()).contains("400");
              }
            });
  }

  @Test
  void documentWhenAnonymousFormNeedsCsrfThenCsrfTokenIsAFieldError() {
    endpoints.values().stream()
        .filter(endpoint -> endpoint.has(UnauthCsrf.class))
        .forEach(
            endpoint ->
                assertThat(fieldErrorKeys(operations().get(endpoint.key())))
                    .as("field errors of %s", endpoint.key())
                    .contains("csrf_token"));
  }

  @Test
  void documentWhenAnonymousOnlyThenSignedInCallersGet400() {
    endpoints.values().stream()
        .filter(endpoint -> endpoint.has(AnonymousRequired.class))
        .forEach(
            endpoint ->
                assertThat(statuses(operations().get(endpoint.key())))
                    .as(endpoint.key())
                    .contains("400"));
  }

  @Test
  void documentWhenOperationIdsListedThenUniqueAndPortcullisPrefixed() {
    List<String> ids =
        operations().values().stream()
            .map(operation -> operation.getString("operationId"))
            .toList();

    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("portcullis"));
  }

  @Test
  void documentWhenReferencesFollowedThenEveryOneResolves() {
    List<String> references = new ArrayList<>();
    collectReferences(document, references);

    assertThat(references).isNotEmpty();
    references.forEach(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
  }

  @Test
  void documentWhenParsedThenValidOpenApi30() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths())
        .hasSize((int) endpoints.values().stream().map(Endpoint::path).distinct().count());
  }

  private static void collect(Class<?> type) {
    String base = type.getAnnotation(Path.class).value();
    for (Method method : type.getDeclaredMethods()) {
      Optional<String> http =
          Arrays.stream(method.getAnnotations())
              .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
              .filter(a -> a != null)
              .map(HttpMethod::value)
              .findFirst();
      if (http.isPresent()) {
        Path sub = method.getAnnotation(Path.class);
        String path = "/" + base + (sub == null ? "" : "/" + sub.value());
        Endpoint endpoint = new Endpoint(http.get(), path.replace("//", "/"), type, method);
        endpoints.put(endpoint.key(), endpoint);
      }
    }
  }

  /** Every operation of the document by "METHOD /path". */
  private static Map<String, JsonObject> operations() {
    Map<String, JsonObject> operations = new HashMap<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (name, value) -> {
                          if (DocumentTailor.OPERATIONS.contains(name)) {
                            operations.put(
                                name.toUpperCase(Locale.ROOT) + " " + path, value.asJsonObject());
                          }
                        }));
    return operations;
  }

  private static JsonObject rawPathItem(String path) {
    return ApiDocument.read().getJsonObject("paths").getJsonObject(path);
  }

  private static Set<String> statuses(JsonObject operation) {
    return new TreeSet<>(operation.getJsonObject("responses").keySet());
  }

  private static List<String> parameterRefs(JsonObject operation) {
    JsonArray parameters = operation.getJsonArray("parameters");
    if (parameters == null) {
      return List.of();
    }
    return parameters.stream()
        .map(p -> p.asJsonObject().getString("$ref", ""))
        .map(ref -> ref.substring(ref.lastIndexOf('/') + 1))
        .toList();
  }

  /** The field names the 400 answer of an operation can report. */
  private static Set<String> fieldErrorKeys(JsonObject operation) {
    JsonObject reply = follow(operation.getJsonObject("responses").getJsonObject("400"));
    JsonObject schema =
        follow(
            reply
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema"));
    Set<String> keys = new TreeSet<>();
    JsonObject response = follow(schema.getJsonObject("properties").getJsonObject("response"));
    for (JsonValue alternative : response.getJsonArray("anyOf")) {
      JsonObject properties = follow(alternative.asJsonObject()).getJsonObject("properties");
      if (properties.containsKey("field_errors")) {
        keys.addAll(properties.getJsonObject("field_errors").getJsonObject("properties").keySet());
      }
    }
    return keys;
  }

  private static JsonObject follow(JsonObject maybeReference) {
    return maybeReference.containsKey("$ref")
        ? follow(resolve(maybeReference.getString("$ref")))
        : maybeReference;
  }

  private static JsonObject resolve(String ref) {
    JsonValue at = document;
    for (String part : ref.substring(2).split("/")) {
      at = at.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
      if (at == null) {
        return null;
      }
    }
    return at.asJsonObject();
  }

  private static void collectReferences(JsonValue value, List<String> references) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (name, member) -> {
            if (name.equals("$ref")) {
              references.add(((JsonString) member).getString());
            } else {
              collectReferences(member, references);
            }
          });
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> collectReferences(item, references));
    }
  }
}
