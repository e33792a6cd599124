package dev.portcullis.impl.http;

import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer while the database cannot be reached ({@link DatabaseUnavailable}): 503 with {@code
 * Retry-After} ({@code security.service_unavailable_retry_after}) and the message {@code
 * SERVICE_UNAVAILABLE}, in the envelope for JSON clients and the API's paths, as a small page for
 * browsers. Flask-Security answers 500 with the server's page; a client can tell an outage from a
 * bug here and retry. Written by the mechanism (which runs before any filter), the outage filter
 * and the pages' exception handler, so every path answers alike.
 *
 * <p>The log gets one warning line with the failure's type and message, never a request body.
 */
@ApplicationScoped
public class ServiceUnavailable {

  static final String KEY = "SERVICE_UNAVAILABLE";
  private static final Logger LOG = Logger.getLogger(ServiceUnavailable.class.getName());

  @Inject FaultConfig config;
  @Inject LinkConfig links;
  @Inject Messages messages;

  /**
   * Writes the 503 for {@code request}, unless the response is already committed (then there is
   * nothing left to change); true if it was written.
   */
  public boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable cause)
      throws IOException {
    if (response.isCommitted()) {
      return false;
    }
    log(request.getMethod(), request.getRequestURI(), cause);
    response.resetBuffer();
    response.setStatus(503);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds()));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding("UTF-8");
    String text = text();
    byte[] body;
    if (wantsEnvelope(request)) {
      response.setContentType("application/json");
      body =
          Envelope.body(503, Envelope.errors(List.of(text)))
              .toString()
              .getBytes(StandardCharsets.UTF_8);
    } else {
      response.setContentType("text/html");
      body = page(text).getBytes(StandardCharsets.UTF_8);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
    return true;
  }

  /** The seconds of {@code Retry-After}. */
  public long retryAfterSeconds() {
    return Math.max(1, config.retryAfter().toSeconds());
  }

  /** The message, in the request's language. */
  public String text() {
    return messages.text(KEY);
  }

  /** Logs the outage once per failed request: the method, the path and the driver's reason. */
  public void log(String method, String path, Throwable cause) {
    LOG.log(
        Level.WARNING,
        "Portcullis: the database cannot be reached ({0} {1}), answering 503: {2}",
        new Object[] {method, path, describe(cause)});
  }

  private boolean wantsEnvelope(HttpServletRequest request) {
    String prefix = links.urlPrefix();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api =
        path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    return api || WantJson.test(request);
  }

  private String page(String text) {
    String escaped = escape(text);
    return "<!DOCTYPE html>\n<html lang=\""
        + escape(messages.locale().toLanguageTag())
        + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>"
        + escaped
        + "</title></head><body><main><h1>503</h1><p role=\"alert\">"
        + escaped
        + "</p></main></body></html>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The failure's innermost type and message: a driver's wording, never request data. */
  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }
}
