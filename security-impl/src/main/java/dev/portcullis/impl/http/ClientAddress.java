package dev.portcullis.impl.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for login tracking, honouring a configured number of trusted proxies as
 * Werkzeug's {@code ProxyFix(x_for=N)} does: with N trusted hops the address is the N-th entry from
 * the right of {@code X-Forwarded-For}; with 0 the header is ignored (it is client-controlled).
 */
public final class ClientAddress {

  private ClientAddress() {}

  /** Resolves the client address of a request. */
  public static String of(HttpServletRequest request, int trustedHops) {
    String remote = request.getRemoteAddr();
    if (trustedHops <= 0) {
      return truncate(remote);
    }
    String header = request.getHeader("X-Forwarded-For");
    if (header == null || header.isBlank()) {
      return truncate(remote);
    }
    String[] entries = header.split(",");
    if (entries.length < trustedHops) {
      return truncate(remote);
    }
    String candidate = entries[entries.length - trustedHops].trim();
    return candidate.isEmpty() ? truncate(remote) : truncate(candidate);
  }

  /** The column holds 64 characters. */
  private static String truncate(String address) {
    return address == null || address.length() <= 64 ? address : address.substring(0, 64);
  }
}
