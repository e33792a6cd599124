package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link AccessDeniedException} thrown by an interceptor inside a JAX-RS call (e.g. a
 * CDI bean a resource calls) like the JAX-RS filter would.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {

  @Inject Denials denials;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(AccessDeniedException exception) {
    return denials.answer(exception.reason(), exception.acceptedMechanisms(), request).toResponse();
  }
}
