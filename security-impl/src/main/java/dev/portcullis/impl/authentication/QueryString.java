package dev.portcullis.impl.authentication;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one parameter of a raw query string without touching the request body. */
public final class QueryString {

  private QueryString() {}

  /**
   * The first value of {@code name} ({@code ""} for a bare flag like {@code ?include_auth_token}),
   * or {@code null}.
   */
  public static String parameter(String queryString, String name) {
    if (queryString == null || queryString.isEmpty()) {
      return null;
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }
}
