package dev.portcullis.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links in mails and the redirects of mailed-link endpoints (Flask-Security spec §0.1-7): links are
 * absolute, on {@code security.external_base_url} or the request's API root; SPA redirects carry
 * the message under its category ({@code ?error=...}) plus {@code email}/{@code identity}.
 */
@ApplicationScoped
public class FlowRedirects {

  private FlowViews views;

  /** For CDI. */
  protected FlowRedirects() {}

  @Inject
  FlowRedirects(FlowViews views) {
    this.views = views;
  }

  /** The absolute URL of an API path such as {@code confirm/<token>}. */
  public String apiLink(UriInfo uri, String path) {
    String base = views.externalBaseUrl().orElse(uri.getBaseUri().toString());
    return (base.endsWith("/") ? base : base + "/") + path;
  }

  /**
   * The absolute URL of an API path, from outside JAX-RS (a Faces page): the request's host and
   * context path plus {@code security.url_prefix}.
   */
  public String apiLink(HttpServletRequest request, String path) {
    if (views.externalBaseUrl().isPresent()) {
      return views.externalBaseUrl().get() + path;
    }
    String prefix = views.urlPrefix().startsWith("/") ? views.urlPrefix() : "/" + views.urlPrefix();
    String root =
        request.getScheme()
            + "://"
            + request.getServerName()
            + (isDefaultPort(request) ? "" : ":" + request.getServerPort())
            + request.getContextPath()
            + prefix;
    return (root.endsWith("/") ? root : root + "/") + path;
  }

  private static boolean isDefaultPort(HttpServletRequest request) {
    return (request.getScheme().equals("http") && request.getServerPort() == 80)
        || (request.getScheme().equals("https") && request.getServerPort() == 443);
  }

  /** Whether mailed links answer single-page apps. */
  public boolean spa() {
    return views.spa();
  }

  /** A 302 to a view with query parameters merged into its own. */
  public Response redirect(HttpServletRequest request, String view, Map<String, String> params) {
    String url = Views.url(request, view);
    if (params.isEmpty()) {
      return Views.redirectTo(url);
    }
    String query =
        params.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return Views.redirectTo(url + (url.contains("?") ? "&" : "?") + query);
  }

  /** Query parameters naming a message by its category, e.g. {@code error=...}. */
  public static Map<String, String> message(String category, String text) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(category, text);
    return params;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
