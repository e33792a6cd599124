package dev.portcullis.sample.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for GitHub's OAuth app endpoints in the test JVM (GitHub itself cannot be reached
 * here), answering as GitHub documents them: {@code /login/oauth/authorize} signs in whoever comes
 * and redirects back with {@code code} and {@code state}; {@code /login/oauth/access_token} redeems
 * a code once, for the client secret and the PKCE verifier it was issued with, answering JSON (and
 * errors with status 200 and an {@code error} field, as GitHub does); {@code /api/v3/user} and
 * {@code /api/v3/user/emails} describe the account the token was issued for. The server under test
 * is pointed at it with {@code security.oauth.github.authorize_url}, {@code token_url} and {@code
 * api_url}. What the next sign-in proves is queued with {@link #nextSignIn}.
 */
public final class GitHubStandIn implements AutoCloseable {

  public static final String CLIENT_ID = "Iv1.standin";
  public static final String CLIENT_SECRET = "github-standin-secret-never-logged";

  /** One address of an account, as {@code /user/emails} lists it. */
  public record Email(String email, boolean primary, boolean verified) {}

  /** An account: its id, the public profile email (may be null) and its addresses. */
  private record Account(long id, String profileEmail, JsonArray emails) {}

  /** An issued, not yet redeemed code. */
  private record Issued(Account account, String challenge, String redirectUri) {}

  private final HttpServer server;
  private final SecureRandom random = new SecureRandom();
  private final AtomicReference<Account> next = new AtomicReference<>();
  private final Map<String, Issued> codes = new ConcurrentHashMap<>();
  private final Map<String, Account> tokens = new ConcurrentHashMap<>();

  private GitHubStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/login/oauth/authorize", this::authorize);
    server.createContext("/login/oauth/access_token", this::token);
    server.createContext("/api/v3/user", this::api);
  }

  public static GitHubStandIn start() throws IOException {
    GitHubStandIn standIn = new GitHubStandIn();
    standIn.server.start();
    return standIn;
  }

  /** The configuration pointing the built-in github provider at this stand-in. */
  public String configuration() {
    String base = "http://localhost:" + server.getAddress().getPort();
    return "security.oauth.github.client_id="
        + CLIENT_ID
        + "\nsecurity.oauth.github.client_secret="
        + CLIENT_SECRET
        + "\nsecurity.oauth.github.authorize_url="
        + base
        + "/login/oauth/authorize"
        + "\nsecurity.oauth.github.token_url="
        + base
        + "/login/oauth/access_token"
        + "\nsecurity.oauth.github.api_url="
        + base
        + "/api/v3\n";
  }

  /** The authorize endpoint's URL prefix. */
  public String authorizeUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/login/oauth/authorize";
  }

  /** The account the next sign-in proves: its public profile email (or null) and addresses. */
  public void nextSignIn(String profileEmail, Email... emails) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Email e : emails) {
      list.add(
          Json.createObjectBuilder()
              .add("email", e.email())
              .add("primary", e.primary())
              .add("verified", e.verified())
              .add("visibility", e.primary() ? "public" : "private"));
    }
    next.set(new Account(Math.abs(random.nextLong() % 1_000_000_000L), profileEmail, list.build()));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    Account account = next.getAndSet(null);
    if (account == null
        || !CLIENT_ID.equals(query.get("client_id"))
        || !"S256".equals(query.get("code_challenge_method"))) {
      answer(exchange, 400, "text/plain", "no sign-in queued or a bad request");
      return;
    }
    String code = randomText();
    codes.put(code, new Issued(account, query.get("code_challenge"), query.get("redirect_uri")));
    String redirect =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Location", redirect);
    answer(exchange, 302, "text/plain", "");
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form;
    try (InputStream in = exchange.getRequestBody()) {
      form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Issued issued = form.get("code") == null ? null : codes.remove(form.get("code"));
    String error = null;
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      error = "incorrect_client_credentials";
    } else if (issued == null
        || !issued.redirectUri().equals(form.get("redirect_uri"))
        || !issued.challenge().equals(challenge(form.get("code_verifier")))) {
      error = "bad_verification_code";
    }
    if (error != null) {
      answer(
          exchange,
          200,
          "application/json",
          Json.createObjectBuilder()
              .add("error", error)
              .add("error_description", "The stand-in refused the request")
              .build()
              .toString());
      return;
    }
    String token = "gho_" + randomText();
    tokens.put(token, issued.account());
    answer(
        exchange,
        200,
        "application/json",
        Json.createObjectBuilder()
            .add("access_token", token)
            .add("token_type", "bearer")
            .add("scope", "user:email")
            .build()
            .toString());
  }

  private void api(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Account account =
        authorization != null && authorization.startsWith("Bearer ")
            ? tokens.get(authorization.substring(7))
            : null;
    if (account == null) {
      answer(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/v3/user")) {
      var user =
          Json.createObjectBuilder()
              .add("id", account.id())
              .add("login", "octo" + account.id())
              .add("name", "Octo Cat");
      if (account.profileEmail() == null) {
        user.addNull("email");
      } else {
        user.add("email", account.profileEmail());
      }
      answer(exchange, 200, "application/json", user.build().toString());
    } else if (path.equals("/api/v3/user/emails")) {
      answer(exchange, 200, "application/json", account.emails().toString());
    } else {
      answer(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
    }
  }

  private static String challenge(String verifier) {
    if (verifier == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String randomText() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
