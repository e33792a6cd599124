package dev.portcullis.impl.links;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts a request may name for mailed links to be built from it ({@code
 * security.trusted_hosts}, Flask's {@code TRUSTED_HOSTS}, Werkzeug's {@code host_is_trusted}).
 *
 * <p>An entry is {@code host} (that host on any port, as in Werkzeug), {@code host:port} (that port
 * only) or {@code .example.com} (the domain and all its subdomains); IPv6 literals are written in
 * brackets ({@code [::1]:8080}). Names compare case-insensitively. Nothing else is a pattern: there
 * is deliberately no {@code *}.
 */
public final class TrustedHosts {

  private static final Pattern ENTRY =
      Pattern.compile("(\\.?[a-z0-9-]+(?:\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?");

  private final List<Entry> entries;

  private TrustedHosts(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses the configured entries.
   *
   * @throws IllegalArgumentException naming the first entry that is not a host or host:port
   */
  public static TrustedHosts parse(List<String> entries) {
    return new TrustedHosts(entries.stream().map(TrustedHosts::entry).toList());
  }

  /** Whether no host is trusted. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Whether a request's host may be used in links.
   *
   * @param host the host as in a URI ({@code example.com}, {@code [::1]}); null never matches
   * @param port the effective port (the scheme's default when the request names none)
   */
  public boolean allows(String host, int port) {
    if (host == null) {
      return false;
    }
    String name = canonical(host.toLowerCase(Locale.ROOT));
    return entries.stream().anyMatch(e -> e.matches(name, port));
  }

  private static Entry entry(String text) {
    Matcher m = ENTRY.matcher(text.trim().toLowerCase(Locale.ROOT));
    int port = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : -1;
    if (!m.matches() || port == 0 || port > 65535) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a host or host:port (IPv6 in brackets, .domain for subdomains)");
    }
    return new Entry(canonical(m.group(1)), port);
  }

  /** An IPv6 literal in one spelling ({@code [::1]} and {@code [0:0:0:0:0:0:0:1]} are one host). */
  private static String canonical(String host) {
    if (!host.startsWith("[") || !host.endsWith("]")) {
      return host;
    }
    try {
      // A literal with ':' is parsed, never looked up in DNS.
      return "["
          + InetAddress.getByName(host.substring(1, host.length() - 1)).getHostAddress()
          + "]";
    } catch (UnknownHostException e) {
      return host;
    }
  }

  /** One entry; {@code port} -1 = any port. */
  private record Entry(String host, int port) {

    boolean matches(String name, int requestPort) {
      if (port != -1 && port != requestPort) {
        return false;
      }
      if (host.startsWith(".")) {
        return name.equals(host.substring(1)) || name.endsWith(host);
      }
      return name.equals(host);
    }
  }
}
