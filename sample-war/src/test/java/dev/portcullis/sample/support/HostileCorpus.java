package dev.portcullis.sample.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates hostile requests over every operation of the served OpenAPI document (issue 10, item
 * 2): malformed and truncated JSON, wrong types, huge and deeply nested bodies, Unicode edge cases
 * (NUL, overlong UTF-8, right-to-left override, combining marks, lone surrogates), injection
 * strings, tampered, wrong-purpose and garbage tokens, spent tokens (replayed links, expired links:
 * see {@link #generate(JsonObject, String, List, List)}), forged {@code Host} and {@code
 * X-Forwarded-*} headers, wrong content types and wrong methods. Deterministic: the same document
 * and tokens give the same requests in the same order. None of them is meant to succeed. Replayed
 * one-time codes and magic links need a session and a used secret, so the IT's set-up makes them
 * ({@link ReplayedSecrets}) and adds them to the corpus.
 */
public final class HostileCorpus {

  /** One request: raw bytes for the body, so that invalid UTF-8 can be sent. */
  public record HostileRequest(
      String family, String method, String path, Map<String, String> headers, byte[] body) {

    /** For failure reports: no body bytes, they may be huge. */
    public String describe() {
      return family
          + " "
          + method
          + " "
          + path
          + " "
          + headers.keySet()
          + " ("
          + body.length
          + " B)";
    }
  }

  /** The fields Portcullis' forms read, whatever the endpoint (the ones every form shares). */
  static final List<String> FIELDS =
      List.of(
          "email",
          "password",
          "username",
          "new_password",
          "code",
          "setup",
          "phone",
          "next",
          "csrf_token");

  static final List<JsonValue> WRONG_TYPES =
      List.of(
          Json.createValue(123),
          Json.createValue(-1.5e308),
          JsonValue.TRUE,
          JsonValue.NULL,
          JsonValue.EMPTY_JSON_ARRAY,
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createArrayBuilder().add("a").add("b").build(),
          Json.createObjectBuilder().add("$gt", "").build());

  static final List<String> STRANGE_TEXT =
      List.of(
          "a\u0000b@example.com",
          "\u202Emoc.elpmaxe@nna",
          "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307@example.com",
          "\uFEFF\u200B\u200D@example.com",
          "\uD83D\uDE00\uD83D\uDE00@example.com",
          "\u0130\u0131\u00DF\uFB00@EXAMPLE.COM",
          "x".repeat(5000),
          " ",
          "",
          "\t\r\n");

  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1' --",
          "\"; DROP TABLE fs_user; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1:1/a}",
          "#{7*7}${7*7}{{7*7}}",
          "../../../../etc/passwd",
          "%00%0d%0aSet-Cookie: x=y",
          "javascript:alert(1)",
          "//evil.example/path",
          "\\\\evil.example\\share",
          "admin@example.com\r\nBcc: victim@example.com",
          "%(code)s %s %n {0}");

  static final List<String> MALFORMED =
      List.of(
          "{",
          "}",
          "[",
          "{\"email\":",
          "{\"email\":\"a@example.com\"",
          "{\"email\" \"a@example.com\"}",
          "{'email':'a@example.com'}",
          "{\"email\":\"a@example.com\",}",
          "{\"a\":1}{\"b\":2}",
          "\"just a string\"",
          "123",
          "null",
          "true",
          "[1,2,3]",
          "{\"email\":\"\\u12\"}",
          "{\"email\":\"\\uD800\"}",
          "{\"email\":\"a\"\"b\"}",
          "\u0000",
          "NaN",
          "{\"email\":01}");

  static final Map<String, String> JSON =
      Map.of("Content-Type", "application/json", "Accept", "application/json");

  private HostileCorpus() {}

  /**
   * The requests for every operation of {@code document} whose path starts with {@code prefix}.
   *
   * @param tokens real tokens to tamper with and to use for the wrong purpose
   */
  public static List<HostileRequest> generate(
      JsonObject document, String prefix, List<String> tokens) {
    return generate(document, prefix, tokens, List.of());
  }

  /**
   * As {@link #generate(JsonObject, String, List)}, plus spent tokens: real tokens the server
   * signed that must no longer work — used (a reset link already followed, a confirmation link
   * already confirmed), expired (signed with the right key, past their max age) — each put into
   * every token path (so also for the wrong purpose), with an empty body and with a complete, valid
   * form ({@code "spent"}): none may reset, confirm or change anything.
   */
  public static List<HostileRequest> generate(
      JsonObject document, String prefix, List<String> tokens, List<String> spent) {
    List<HostileRequest> all = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (template, item) -> {
              if (!template.startsWith(prefix)) {
                return;
              }
              List<String> paths = concrete(template.substring(1), tokens);
              for (String method : item.asJsonObject().keySet()) {
                String verb = method.toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
                  continue;
                }
                // Every body once (on the first token); every token with a plain body.
                all.addAll(forOperation(verb, paths.get(0), tokens));
                for (String path : paths.subList(1, paths.size())) {
                  all.add(request("token", verb, path, JSON, verb.equals("GET") ? "" : "{}"));
                }
              }
              for (String path : paths) {
                all.addAll(wrongMethods(path, item.asJsonObject().keySet()));
              }
              all.addAll(spent(template.substring(1), item.asJsonObject().keySet(), spent));
            });
    return all;
  }

  /** A path as sent: {@code {token}} becomes garbage, tampered and wrong-purpose tokens. */
  static List<String> concrete(String template, List<String> tokens) {
    if (!template.contains("{")) {
      return List.of(template);
    }
    List<String> paths = new ArrayList<>();
    for (String token : tokenVariants(tokens)) {
      paths.add(template.replaceAll("\\{[^}]+}", token));
    }
    return paths;
  }

  /** Garbage, truncated, tampered and other-purpose tokens, URL-safe. */
  static List<String> tokenVariants(List<String> tokens) {
    List<String> variants =
        new ArrayList<>(
            List.of("x", "..%2F..%2Fetc%2Fpasswd", "a".repeat(3000), "%00", "e30.e30.e30", "-"));
    for (String token : tokens) {
      variants.add(token);
      variants.add(token.substring(0, token.length() / 2));
      char last = token.charAt(token.length() - 1);
      variants.add(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'));
      variants.add(new StringBuilder(token).reverse().toString());
    }
    return variants;
  }

  /** The spent tokens in a token path, by every method it has: an empty and a complete form. */
  static List<HostileRequest> spent(
      String template, java.util.Set<String> methods, List<String> spent) {
    List<HostileRequest> requests = new ArrayList<>();
    if (!template.contains("{")) {
      return requests;
    }
    String complete =
        Json.createObjectBuilder()
            .add("password", "Spent-Token-Passw0rd-9")
            .add("password_confirm", "Spent-Token-Passw0rd-9")
            .add("email", "spent-token@example.com")
            .build()
            .toString();
    for (String token : spent) {
      String path = template.replaceAll("\\{[^}]+}", token);
      for (String method : methods) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (verb.equals("GET")) {
          requests.add(get("spent", path, JSON));
          requests.add(get("spent", path, Map.of("Accept", "text/html")));
        } else if (List.of("POST", "PUT", "DELETE", "PATCH").contains(verb)) {
          requests.add(request("spent", verb, path, JSON, "{}"));
          requests.add(request("spent", verb, path, JSON, complete));
        }
      }
    }
    return requests;
  }

  private static List<HostileRequest> forOperation(
      String method, String path, List<String> tokens) {
    List<HostileRequest> requests = new ArrayList<>();
    Map<String, String> json =
        Map.of("Content-Type", "application/json", "Accept", "application/json");
    if (method.equals("GET")) {
      for (String value : INJECTIONS) {
        requests.add(get("query", path + "?next=" + url(value) + "&email=" + url(value), json));
      }
    } else {
      for (String body : MALFORMED) {
        requests.add(request("malformed", method, path, json, body));
      }
      String valid =
          "{\"email\":\"ann@example.com\",\"password\":\"Password123!\",\"code\":\"123456\"}";
      for (int cut = 1; cut < valid.length(); cut += 7) {
        requests.add(request("truncated", method, path, json, valid.substring(0, cut)));
      }
      for (String field : FIELDS) {
        for (JsonValue wrong : WRONG_TYPES) {
          requests.add(
              request(
                  "wrong-type",
                  method,
                  path,
                  json,
                  Json.createObjectBuilder().add(field, wrong).build().toString()));
        }
        for (String text : STRANGE_TEXT) {
          requests.add(request("unicode", method, path, json, fieldBody(field, text)));
        }
        for (String text : INJECTIONS) {
          requests.add(request("injection", method, path, json, fieldBody(field, text)));
        }
      }
      requests.addAll(bodiesOfEveryKind(method, path, json));
    }
    requests.addAll(forgedHeaders(method, path, tokens));
    return requests;
  }

  private static List<HostileRequest> bodiesOfEveryKind(
      String method, String path, Map<String, String> json) {
    List<HostileRequest> requests = new ArrayList<>();
    requests.add(request("huge", method, path, json, "{\"email\":\"" + "a".repeat(70_000) + "\"}"));
    requests.add(request("nested", method, path, json, "[".repeat(5000) + "]".repeat(5000)));
    requests.add(
        request("nested", method, path, json, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 3000; i++) {
      wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    requests.add(request("wide", method, path, json, wide.append('}').toString()));
    byte[] overlong = "{\"email\":\"a\u0000@example.com\"}".getBytes(StandardCharsets.UTF_8);
    byte[] withOverlong = new byte[overlong.length + 2];
    System.arraycopy(overlong, 0, withOverlong, 0, 10);
    withOverlong[10] = (byte) 0xC0;
    withOverlong[11] = (byte) 0xAF;
    System.arraycopy(overlong, 10, withOverlong, 12, overlong.length - 10);
    requests.add(new HostileRequest("overlong-utf8", method, path, json, withOverlong));
    requests.add(
        new HostileRequest(
            "invalid-utf8",
            method,
            path,
            json,
            new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}));
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1",
            "application/json; charset=nonsense",
            "*/*",
            "")) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", "application/json");
      if (!type.isEmpty()) {
        headers.put("Content-Type", type);
      }
      requests.add(request("content-type", method, path, headers, "%%%&&&==<a>{\"email\":1}"));
    }
    return requests;
  }

  private static List<HostileRequest> forgedHeaders(
      String method, String path, List<String> tokens) {
    List<HostileRequest> requests = new ArrayList<>();
    List<Map<String, String>> forged = new ArrayList<>();
    forged.add(Map.of("Host", "evil.example"));
    forged.add(Map.of("Host", "evil.example:8080\r\nX-Injected: 1".replace("\r\n", " ")));
    forged.add(Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
    forged.add(Map.of("X-Forwarded-For", "127.0.0.1, 10.0.0.1, ::1, nonsense"));
    forged.add(Map.of("X-Forwarded-Prefix", "/../../admin", "X-Original-URL", "/admin"));
    forged.add(Map.of("Authorization", "Basic " + "Og=="));
    forged.add(Map.of("Authorization", "Basic !!!not-base64!!!"));
    forged.add(
        Map.of("Authorization", "Bearer x", "Cookie", "JSESSIONID=forged; remember_token=x"));
    for (String token : tokenVariants(tokens)) {
      forged.add(Map.of("Authentication-Token", token));
      forged.add(Map.of("Cookie", "remember_token=" + token + "; fs_csrf=" + token));
      forged.add(Map.of("X-CSRF-Token", token));
    }
    for (Map<String, String> headers : forged) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putIfAbsent("Accept", "application/json");
      if (!method.equals("GET")) {
        all.putIfAbsent("Content-Type", "application/json");
      }
      requests.add(
          request(
              "headers",
              method,
              path,
              all,
              method.equals("GET") ? "" : "{\"email\":\"ann@example.com\"}"));
    }
    return requests;
  }

  private static List<HostileRequest> wrongMethods(String path, java.util.Set<String> allowed) {
    List<HostileRequest> requests = new ArrayList<>();
    for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
      if (!allowed.contains(method.toLowerCase(Locale.ROOT))) {
        requests.add(
            request(
                "wrong-method",
                method,
                path,
                Map.of("Accept", "application/json", "Content-Type", "application/json"),
                "{}"));
      }
    }
    return requests;
  }

  private static String fieldBody(String field, String value) {
    return Json.createObjectBuilder().add(field, value).build().toString();
  }

  private static HostileRequest get(String family, String path, Map<String, String> headers) {
    return request(family, "GET", path, headers, "");
  }

  /** One request of {@code family} with a UTF-8 body (also for requests made by a set-up). */
  public static HostileRequest request(
      String family, String method, String path, Map<String, String> headers, String body) {
    return new HostileRequest(family, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String url(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
