package dev.portcullis.impl.links;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Compares {@code security.url_prefix} with the JAX-RS root the first request actually came
 * through, and warns once when they differ. Code outside JAX-RS knows the JSON API's path only from
 * that setting — links mailed from pages, and the paths of the server's OpenAPI document — so a
 * wrong value would otherwise go unnoticed until a link or a client breaks.
 */
@Provider
public class UrlPrefixCheck implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(UrlPrefixCheck.class.getName());

  private final AtomicBoolean checked = new AtomicBoolean();

  @Inject LinkConfig config;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (checked.compareAndSet(false, true)) {
      mismatch(
              config.urlPrefix(),
              request.getContextPath(),
              context.getUriInfo().getBaseUri().getRawPath())
          .ifPresent(
              actual ->
                  LOG.warning(
                      () ->
                          "security.url_prefix is '"
                              + config.urlPrefix()
                              + "' but the JSON API answers under '"
                              + actual
                              + "': set security.url_prefix="
                              + actual
                              + " (links mailed from pages and the OpenAPI document use it)"));
    }
  }

  /**
   * The JAX-RS root inside the application when it is not the configured prefix.
   *
   * @param urlPrefix {@code security.url_prefix}
   * @param contextPath the application's context path, {@code ""} at the server root
   * @param baseUriPath the path of JAX-RS' base URI, e.g. {@code /sample/api/}
   */
  static Optional<String> mismatch(String urlPrefix, String contextPath, String baseUriPath) {
    if (!baseUriPath.startsWith(contextPath)) {
      return Optional.empty();
    }
    String actual = trimmed(baseUriPath.substring(contextPath.length()));
    return actual.equals(trimmed(urlPrefix))
        ? Optional.empty()
        : Optional.of(actual.isEmpty() ? "/" : actual);
  }

  /** {@code api}, {@code /api/} and {@code /api} are the same prefix; {@code /} is none. */
  private static String trimmed(String path) {
    String p = path.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
  }
}
