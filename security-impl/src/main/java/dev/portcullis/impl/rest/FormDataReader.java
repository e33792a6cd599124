package dev.portcullis.impl.rest;

import dev.portcullis.impl.messages.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Gives resource methods their body as {@link FormData} (JSON or form-encoded, as Flask-Security
 * accepts both), reusing the parse of the CSRF check when there was one. A body that cannot be read
 * — malformed, of another type, larger than {@code security.max_request_bytes} — is answered with
 * its 4xx in the envelope before the method runs.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class FormDataReader implements MessageBodyReader<FormData> {

  @Inject RequestLimits limits;
  @Inject Messages messages;
  @Context HttpServletRequest request;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == FormData.class;
  }

  @Override
  public FormData readFrom(
      Class<FormData> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    FormData.Parsed parsed =
        RequestBody.parsed(request)
            .orElseGet(() -> parse(entity, headers.getFirst("Content-Type")));
    if (parsed instanceof FormData.Parsed.Rejected rejected) {
      throw new WebApplicationException(rejected.toResponse(messages));
    }
    return ((FormData.Parsed.Accepted) parsed).data();
  }

  private FormData.Parsed parse(InputStream entity, String contentType) {
    byte[] bytes;
    try {
      bytes = RequestBody.readUpTo(entity, limits.maxRequestBytes());
    } catch (IOException e) {
      return new FormData.Parsed.Rejected(400, "API_ERROR");
    }
    return RequestBody.parse(request, bytes, contentType, limits.maxRequestBytes());
  }
}
