package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.portcullis.sample.support.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The server's {@code /openapi} document as the contract of real exchanges, checked with
 * Atlassian's OpenAPI validator: every answer must be described by its operation (status, content
 * type, body schema, required headers), and a well-formed request must be described too. It also
 * records which documented statuses were seen, so a test can insist that each one was.
 */
public final class OpenApiContract {

  private final String raw;
  private final JsonObject document;
  private final OpenApiInteractionValidator validator;
  private final String contextPath;
  private final Set<String> seen = new ConcurrentSkipListSet<>();

  private OpenApiContract(String raw, String contextPath) {
    this.raw = raw;
    this.document = Json.createReader(new StringReader(raw)).readObject();
    this.contextPath = contextPath;
    // Payara adds a top-level "endpoints" map (context root -> paths) that OpenAPI 3.0 does not
    // have and the validator's parser rejects; it describes nothing, so it is left out.
    String standard = Json.createObjectBuilder(document).remove("endpoints").build().toString();
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(standard)
            .withBasePathOverride(contextPath)
            .build();
  }

  /** Fetches the document from {@code /openapi} at the root of the deployment's server. */
  public static OpenApiContract fetch(URL deployment) {
    URI served = URI.create(deployment.toString()).resolve("/openapi");
    HttpResponse<String> response = send(served, "application/json");
    assertThat(response.statusCode()).as("GET %s", served).isEqualTo(200);
    String context = URI.create(deployment.toString()).getRawPath();
    return new OpenApiContract(
        response.body(),
        context.endsWith("/") ? context.substring(0, context.length() - 1) : context);
  }

  /** GET of a URL with an Accept header, without cookies. */
  public static HttpResponse<String> send(URI uri, String accept) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri)
                  .header("Accept", accept)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The document as served. */
  public JsonObject document() {
    return document;
  }

  /** The document's text as served. */
  public String text() {
    return raw;
  }

  /** Exchanges whose request and answer must both be described. */
  public Exchanges described(ApiClient client) {
    return new Exchanges(client, true);
  }

  /** Exchanges whose request is wrong on purpose (missing fields, no credentials): answer only. */
  public Exchanges answers(ApiClient client) {
    return new Exchanges(client, false);
  }

  /**
   * Checks an exchange made by other means (e.g. {@link RawHttp}).
   *
   * @param path relative to the deployment, e.g. {@code api/reset}, with its query
   */
  public void checkAnswer(
      String method, String path, int status, Map<String, String> headers, String body) {
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    headers.forEach(response::withHeader);
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    String fullPath = contextPath + "/" + pathOnly(path);
    ValidationReport report =
        validator.validateResponse(fullPath, Request.Method.valueOf(method), response.build());
    record(method, path, status);
    assertClean(method + " " + path + " -> " + status, report, body);
  }

  /**
   * The documented statuses of every operation whose path starts with {@code prefix}, as {@code
   * "METHOD /path STATUS"}, that no checked exchange produced.
   */
  public Set<String> unseen(String prefix) {
    Set<String> missing = new TreeSet<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) -> {
              if (path.startsWith(prefix)) {
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getValueType() == JsonValue.ValueType.OBJECT
                              && operation.asJsonObject().containsKey("responses")) {
                            for (String status :
                                operation.asJsonObject().getJsonObject("responses").keySet()) {
                              String key =
                                  method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
                              if (!seen.contains(key)) {
                                missing.add(key);
                              }
                            }
                          }
                        });
              }
            });
    return missing;
  }

  /** A documented operation. */
  public record Operation(String method, String path, boolean authenticated) {

    /**
     * The path relative to the deployment, each path parameter named in {@code values} with its
     * value there and the others with {@code otherwise}.
     */
    public String concrete(Map<String, String> values, String otherwise) {
      java.util.regex.Matcher parameter =
          java.util.regex.Pattern.compile("\\{([^}]+)\\}").matcher(path.substring(1));
      StringBuilder concrete = new StringBuilder();
      while (parameter.find()) {
        parameter.appendReplacement(
            concrete,
            java.util.regex.Matcher.quoteReplacement(
                values.getOrDefault(parameter.group(1), otherwise)));
      }
      return parameter.appendTail(concrete).toString();
    }
  }

  /** The documented operations that have a response for {@code status}. */
  public List<Operation> operations(String status) {
    List<Operation> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, value) -> {
                          if (value.getValueType() == JsonValue.ValueType.OBJECT
                              && value.asJsonObject().containsKey("responses")
                              && value
                                  .asJsonObject()
                                  .getJsonObject("responses")
                                  .containsKey(status)) {
                            operations.add(
                                new Operation(
                                    method.toUpperCase(Locale.ROOT),
                                    path,
                                    value.asJsonObject().containsKey("security")));
                          }
                        }));
    return operations;
  }

  /** Sends requests with one client and checks each exchange against the contract. */
  public final class Exchanges {

    private final ApiClient client;
    private final boolean checkRequest;

    private Exchanges(ApiClient client, boolean checkRequest) {
      this.client = client;
      this.checkRequest = checkRequest;
    }

    public Reply get(String path, String... headers) {
      SimpleRequest.Builder request = request("GET", path, headers);
      return checked("GET", path, request, client.get(path, headers));
    }

    /** A POST without a body. */
    public Reply post(String path, String... headers) {
      return checked("POST", path, request("POST", path, headers), client.post(path, headers));
    }

    public Reply postJson(String path, String json, String... headers) {
      SimpleRequest.Builder request =
          request("POST", path, headers).withContentType("application/json").withBody(json);
      return checked("POST", path, request, client.postJson(path, json, headers));
    }

    public Reply postJson(String path, JsonObject json, String... headers) {
      return postJson(path, json.toString(), headers);
    }

    public Reply postForm(String path, String form, String... headers) {
      SimpleRequest.Builder request =
          request("POST", path, headers)
              .withContentType("application/x-www-form-urlencoded")
              .withBody(form);
      return checked("POST", path, request, client.postForm(path, form, headers));
    }

    /** The request as the client sends it: the given headers plus the cookies of its jar. */
    private SimpleRequest.Builder request(String method, String path, String... headers) {
      SimpleRequest.Builder request =
          new SimpleRequest.Builder(method, contextPath + "/" + pathOnly(path));
      query(path).forEach((name, values) -> request.withQueryParam(name, values));
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.withHeader(headers[i], headers[i + 1]);
      }
      String cookies = client.cookieHeader();
      if (!cookies.isEmpty()) {
        request.withHeader("Cookie", cookies);
      }
      return request;
    }

    private Reply checked(String method, String path, SimpleRequest.Builder request, Reply reply) {
      SimpleResponse.Builder response = new SimpleResponse.Builder(reply.status());
      reply.raw().headers().map().forEach(response::withHeader);
      if (!reply.body().isEmpty()) {
        response.withBody(reply.body());
      }
      ValidationReport report =
          checkRequest
              ? validator.validate(request.build(), response.build())
              : validator.validateResponse(
                  contextPath + "/" + pathOnly(path),
                  Request.Method.valueOf(method),
                  response.build());
      record(method, path, reply.status());
      assertClean(method + " " + path + " -> " + reply.status(), report, reply.body());
      envelopeRepeatsStatus(reply);
      return reply;
    }
  }

  /** Notes the documented operation and status an exchange hit. */
  private void record(String method, String path, int status) {
    String concrete = "/" + pathOnly(path);
    document.getJsonObject("paths").keySet().stream()
        .filter(template -> matches(template, concrete))
        .findFirst()
        .ifPresent(template -> seen.add(method + " " + template + " " + status));
  }

  /** Whether a path fits a template such as {@code /api/reset/{token}}, segment by segment. */
  private static boolean matches(String template, String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
      if (variable ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }

  private static void assertClean(String exchange, ValidationReport report, String body) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        errors.add(
            message.getKey() + ": " + message.getMessage() + " " + message.getAdditionalInfo());
      }
    }
    assertThat(errors)
        .as("%s is not described by /openapi; body: %s", exchange, abbreviate(body))
        .isEmpty();
  }

  /** The envelope's meta.code is the HTTP status. */
  private static void envelopeRepeatsStatus(Reply reply) {
    Optional<String> type = reply.header("Content-Type");
    if (type.isPresent() && type.get().startsWith("application/json")) {
      JsonObject json = reply.json();
      if (json.containsKey("meta")) {
        assertThat(json.getJsonObject("meta").getInt("code")).isEqualTo(reply.status());
      }
    }
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static Map<String, List<String>> query(String path) {
    Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
    int start = path.indexOf('?');
    if (start < 0) {
      return parameters;
    }
    for (String pair : path.substring(start + 1).split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        parameters
            .computeIfAbsent(decode(kv[0]), k -> new ArrayList<>())
            .add(kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 600 ? body : body.substring(0, 600) + "...";
  }
}
