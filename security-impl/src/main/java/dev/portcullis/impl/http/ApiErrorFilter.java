package dev.portcullis.impl.http;

import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.HttpErrorMessages;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the envelope instead of the server's HTML error page (or an empty body) for the errors
 * raised with {@code sendError} on the JSON API's paths ({@code security.url_prefix}): what the
 * container refuses after the request reached the application, and the errors JAX-RS sends without
 * a body (Jersey turns a bodiless 4xx into {@code sendError}). Declared with {@code @WebFilter}, so
 * an application gets it without editing its {@code web.xml}. Answers with a body and paths outside
 * the API are left alone.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiErrorFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient LinkConfig links;
  @Inject transient Messages messages;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse answer = underApi(request) ? new EnvelopeOnError(response) : response;
    if (request.getMethod().equals("TRACE")) {
      // Where the server lets TRACE through (trace-enabled, for the envelope below), no servlet
      // may echo the request's headers and cookies back (cross-site tracing).
      answer.sendError(405);
      return;
    }
    chain.doFilter(request, answer);
  }

  private boolean underApi(HttpServletRequest request) {
    String prefix = links.urlPrefix();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
  }

  /** Writes the envelope where the container would render its error page. */
  private final class EnvelopeOnError extends HttpServletResponseWrapper {

    EnvelopeOnError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String reason) throws IOException {
      // The reason is the container's or JAX-RS' wording, never shown: it may echo the request.
      if (isCommitted()) {
        super.sendError(status, reason);
        return;
      }
      // A method no servlet implements (PATCH on a path JAX-RS does not match) is the server's
      // 501; for the API it is a method the path does not take.
      if (status == 501) {
        status = 405;
      }
      resetBuffer();
      setStatus(status);
      setContentType("application/json");
      setCharacterEncoding("UTF-8");
      byte[] body =
          Envelope.body(
                  status, Envelope.errors(List.of(messages.text(HttpErrorMessages.key(status)))))
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      setContentLength(body.length);
      getOutputStream().write(body);
      flushBuffer();
    }
  }
}
