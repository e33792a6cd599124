package dev.portcullis.impl.rest;

import dev.portcullis.impl.messages.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Puts the errors JAX-RS answers by itself into the envelope: an unknown path (404), a method the
 * path does not take (405, its {@code Allow} header kept), a content type no resource reads (415)
 * or answers (406), a parameter that does not convert (400/404). Without it they are the server's
 * HTML error page or an empty body. An exception that already carries a body (a resource's own
 * answer) is left as it is; Jersey does not even ask a mapper for those.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Inject Messages messages;

  @Override
  public Response toResponse(WebApplicationException exception) {
    return inEnvelope(exception, messages);
  }

  /**
   * The exception's answer in the envelope (its status, message key and headers), or its own answer
   * when it carries a body. Shared with the mappers of more specific exceptions.
   */
  public static Response inEnvelope(WebApplicationException exception, Messages messages) {
    Response original = exception.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    int status = original.getStatus();
    Response envelope =
        Envelope.of(status, Envelope.errors(List.of(messages.text(HttpErrorMessages.key(status)))));
    Response.ResponseBuilder answer = Response.fromResponse(envelope);
    original
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
              }
            });
    return answer.build();
  }
}
