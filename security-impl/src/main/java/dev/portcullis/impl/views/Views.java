package dev.portcullis.impl.views;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Turns configured views ({@code security.post_login_view} and the like) into URLs: absolute URLs
 * stay as they are, anything else is relative to the application's context path.
 */
public final class Views {

  private Views() {}

  /** The URL of a configured view. */
  public static String url(HttpServletRequest request, String view) {
    if (view.startsWith("http://") || view.startsWith("https://")) {
      return view;
    }
    return request.getContextPath() + (view.startsWith("/") ? view : "/" + view);
  }

  /** A 302 to a configured view. */
  public static Response redirectToView(HttpServletRequest request, String view) {
    return redirectTo(url(request, view));
  }

  /**
   * A 302 to an already validated URL (e.g. a {@code next} target). The header is set as written,
   * not through {@code ResponseBuilder.location}: RESTEasy (WildFly, Open Liberty) resolves a
   * relative location against the application's base URI after dropping its leading slash, so
   * {@code /sample/security/login_user.xhtml} became {@code /sample/api/sample/security/...}, a
   * 404. Jersey (Payara) still makes the path absolute itself, resolving it correctly.
   */
  public static Response redirectTo(String url) {
    return Response.status(302).header(HttpHeaders.LOCATION, url).build();
  }
}
