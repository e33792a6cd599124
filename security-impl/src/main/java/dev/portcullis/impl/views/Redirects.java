package dev.portcullis.impl.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates user-supplied {@code next} targets against open redirects (Flask-Security {@code
 * utils.validate_redirect_url} and {@code get_post_action_redirect}, with the 5.5 base-domain
 * allow-list and the 5.8.1 fix that quotes the host as well as the path).
 *
 * <p>A target is allowed when it is relative, or its host is the request's host, or (with {@code
 * security.redirect_allow_subdomains}) a subdomain of the configured base domain. The path of an
 * allowed target is percent-quoted so backslashes, spaces and control characters cannot turn it
 * into another host.
 */
@ApplicationScoped
public class Redirects {

  private RedirectConfig config;

  /** For CDI. */
  protected Redirects() {}

  @Inject
  Redirects(RedirectConfig config) {
    this.config = config;
  }

  /**
   * @return the safe, quoted target, or empty when {@code next} is blank, malformed or elsewhere
   */
  public Optional<String> validate(String next, String requestHost) {
    if (next == null || next.isBlank() || next.length() > 2048) {
      return Optional.empty();
    }
    String candidate = next.strip();
    if (candidate.startsWith("//") || candidate.startsWith("\\") || candidate.contains("\\")) {
      // Scheme-relative and backslash forms are read as another host by browsers.
      if (!hostAllowed(hostOf("http:" + candidate.replace('\\', '/')), requestHost)) {
        return Optional.empty();
      }
    }
    URI uri;
    try {
      uri = new URI(quote(candidate));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getScheme() != null
        && !uri.getScheme().equalsIgnoreCase("http")
        && !uri.getScheme().equalsIgnoreCase("https")) {
      return Optional.empty();
    }
    if (uri.getRawAuthority() != null && !hostAllowed(uri.getHost(), requestHost)) {
      return Optional.empty();
    }
    if (uri.getScheme() != null && uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    return Optional.of(uri.toASCIIString());
  }

  private boolean hostAllowed(String host, String requestHost) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (requestHost != null && h.equals(requestHost.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (!config.allowSubdomains() || config.baseDomain().isEmpty()) {
      return false;
    }
    String base = config.baseDomain().get().toLowerCase(Locale.ROOT);
    if (h.equals(base)) {
      return true;
    }
    if (!h.endsWith("." + base)) {
      return false;
    }
    String sub = h.substring(0, h.length() - base.length() - 1);
    return config.allowedSubdomains().isEmpty() || config.allowedSubdomains().contains(sub);
  }

  private static String hostOf(String url) {
    try {
      return new URI(quote(url)).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Percent-encodes everything but unreserved characters and the delimiters a URL needs, so that
   * control characters, spaces, backslashes and non-ASCII become inert.
   */
  static String quote(String url) {
    StringBuilder out = new StringBuilder();
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAllowed(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  private static boolean isAllowed(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
  }
}
