package dev.portcullis.impl.authorization;

import dev.portcullis.impl.rest.Envelope;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a denied request is answered: a JSON envelope, a redirect, or a plain text page. Rendered
 * either as a JAX-RS response or straight onto the servlet response (from the mechanism).
 *
 * @param status HTTP status
 * @param headers extra headers such as {@code WWW-Authenticate} or {@code Location}
 * @param json the envelope's {@code response} object, or {@code null}
 * @param text a plain-text body, or {@code null}
 */
public record Denial(int status, Map<String, String> headers, JsonObject json, String text) {

  /** Copies the headers. */
  public Denial {
    headers = Map.copyOf(headers);
  }

  /** As a JAX-RS response. */
  public Response toResponse() {
    Response.ResponseBuilder builder =
        json != null
            ? Response.fromResponse(Envelope.of(status, json))
            : Response.status(status)
                .type("text/plain; charset=UTF-8")
                .entity(text == null ? "" : text);
    headers.forEach(builder::header);
    return builder.build();
  }

  /** Written onto a servlet response. */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    headers.forEach(response::setHeader);
    if (json != null) {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getOutputStream()
          .write(Envelope.body(status, json).toString().getBytes(StandardCharsets.UTF_8));
    } else if (text != null) {
      response.setContentType("text/plain; charset=UTF-8");
      response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
    response.flushBuffer();
  }
}
