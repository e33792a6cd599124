package dev.portcullis.impl.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The redirects of mailed-link endpoints (Flask-Security spec §0.1-7): SPA redirects carry the
 * message under its category ({@code ?error=...}) plus {@code email}/{@code identity}. The links in
 * the mails themselves come from {@code links.MailLinks}.
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
