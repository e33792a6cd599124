package dev.portcullis.sample.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A black-box HTTP client for the sample's JSON API, with its own cookie jar (one "browser"). */
public final class ApiClient {

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  public ApiClient(URL deployment) {
    this.base = URI.create(deployment.toString());
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A response: status, headers and body (parsed as JSON when it is JSON). */
  public record Reply(int status, HttpResponse<String> raw) {
    public JsonObject json() {
      return Json.createReader(new StringReader(raw.body())).readObject();
    }

    public JsonObject response() {
      return json().getJsonObject("response");
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String body() {
      return raw.body();
    }
  }

  public Reply get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** A POST without a body (e.g. a JSON client's logout: {@code Accept: application/json}). */
  public Reply post(String path, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  public Reply postJson(String path, String json, String... headers) {
    return send(
        request(path, withContentType("application/json", headers))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply postJson(String path, JsonObject json, String... headers) {
    return postJson(path, json.toString(), headers);
  }

  public Reply postForm(String path, String form, String... headers) {
    return send(
        request(path, withContentType("application/x-www-form-urlencoded", headers))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** GET /api/login as a JSON client and return the CSRF token. */
  public String csrfToken() {
    return get("api/login", "Accept", "application/json").response().getString("csrf_token");
  }

  /** Logs in through the JSON API (with CSRF) and returns the reply. */
  public Reply login(String email, String password, String query) {
    String csrf = csrfToken();
    return postJson(
        "api/login" + query,
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", password)
            .add("csrf_token", csrf)
            .build());
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Every cookie of the jar as one {@code Cookie} request header value. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public void clearCookies() {
    cookies.getCookieStore().removeAll();
  }

  public static String[] headers(Map<String, String> map) {
    return map.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static String[] withContentType(String type, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = type;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
