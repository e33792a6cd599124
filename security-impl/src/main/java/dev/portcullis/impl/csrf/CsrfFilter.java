package dev.portcullis.impl.csrf;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.RequestBody;
import dev.portcullis.impl.rest.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF enforcement for the JSON API (Flask-Security spec §7.9, with CSRFProtect semantics): an
 * unsafe request authenticated by a mechanism in {@code security.csrf_protect_mechanisms} (session
 * and Basic by default; token-authenticated requests are exempt) must carry the client's token in
 * {@code X-CSRF-Token}, {@code X-CSRFToken}, the configured header, or a {@code csrf_token} body
 * field; so must anonymous calls of {@link UnauthCsrf} endpoints such as login. The token is bound
 * to the session, or for clients without one to a signed cookie ({@link Csrf}); a forged or
 * tampered cookie is no cookie, so the request fails. On the way out it sends the CSRF cookies the
 * request decided on.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CsrfFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject Csrf csrf;
  @Inject CsrfConfig config;
  @Inject RequestLimits limits;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext context) throws IOException {
    if (!config.enabled() || SAFE_METHODS.contains(context.getMethod()) || isExempt()) {
      return;
    }
    Optional<Authentication> authentication = Authentication.of(request);
    boolean unauthEndpoint = isUnauthCsrfEndpoint();
    boolean required =
        authentication
            .map(a -> config.protectMechanisms().contains(a.mechanism()))
            .orElse(unauthEndpoint && !config.ignoreUnauthEndpoints());
    if (!required) {
      return;
    }
    String presented = csrf.fromHeaders(request).orElseGet(() -> fromBody(context));
    csrf.failure(request, presented)
        .ifPresent(reason -> context.abortWith(rejection(reason, unauthEndpoint)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    csrf.maybeSendCookie(this.request, this.response, false);
    csrf.writeCookie(this.request, this.response);
  }

  private boolean isExempt() {
    return resource != null
        && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(CsrfExempt.class);
  }

  private boolean isUnauthCsrfEndpoint() {
    return resource != null
        && resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(UnauthCsrf.class)
            || resource.getResourceClass().isAnnotationPresent(UnauthCsrf.class));
  }

  /**
   * Reads {@code csrf_token} from a JSON or form body. The parse is kept for the resource ({@link
   * RequestBody}), and the bytes are put back for resources that read the stream themselves.
   */
  private String fromBody(ContainerRequestContext context) {
    if (!context.hasEntity()) {
      return null;
    }
    byte[] body;
    try (InputStream in = context.getEntityStream()) {
      body = RequestBody.readUpTo(in, limits.maxRequestBytes());
    } catch (IOException e) {
      return null;
    }
    context.setEntityStream(new ByteArrayInputStream(body));
    var parsed =
        RequestBody.parse(
            request, body, context.getHeaderString("Content-Type"), limits.maxRequestBytes());
    if (parsed instanceof FormData.Parsed.Accepted accepted) {
      return accepted.data().string("csrf_token").asOptional().orElse(null);
    }
    return null;
  }

  private static Response rejection(String reason, boolean formEndpoint) {
    JsonObject body =
        formEndpoint
            ? Envelope.fieldErrors(Map.of("csrf_token", List.of(reason)))
            : Envelope.errors(List.of(reason));
    return Envelope.of(400, body);
  }
}
