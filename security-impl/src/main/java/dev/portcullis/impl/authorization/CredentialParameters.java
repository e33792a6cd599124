package dev.portcullis.impl.authorization;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drops credential-bearing parameters from a query string before it is copied into a redirect's
 * {@code next}: a secret in a {@code Location} header ends up in browser history, proxy and server
 * logs and the login page's {@code Referer}.
 *
 * <p>Dropped: the auth-token parameter ({@code security.token_authentication_key}), passwords, the
 * CSRF token, one-time codes and mailed-link tokens. Names are compared decoded and
 * case-insensitively, and a pair whose name does not decode is dropped, so no spelling of a name
 * slips through.
 */
final class CredentialParameters {

  private static final Set<String> ALWAYS =
      Set.of(
          "password",
          "password_confirm",
          "new_password",
          "new_password_confirm",
          "csrf_token",
          "code",
          "passcode",
          "token");

  private CredentialParameters() {}

  /** {@code query} without credential parameters; {@code ""} when nothing is left. */
  static String strip(String query, String tokenKey) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    String token = tokenKey.toLowerCase(Locale.ROOT);
    return Arrays.stream(query.split("&"))
        .filter(pair -> !pair.isEmpty())
        .filter(pair -> keep(pair, token))
        .collect(Collectors.joining("&"));
  }

  private static boolean keep(String pair, String tokenKey) {
    int eq = pair.indexOf('=');
    String name;
    try {
      name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return !lower.equals(tokenKey) && !ALWAYS.contains(lower);
  }
}
