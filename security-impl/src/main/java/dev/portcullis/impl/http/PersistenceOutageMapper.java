package dev.portcullis.impl.http;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A JPA failure in a JAX-RS request: 503 when the database is down (see {@link OutageMapper}). */
@Provider
public class PersistenceOutageMapper extends OutageMapper
    implements ExceptionMapper<PersistenceException> {

  @Override
  public Response toResponse(PersistenceException exception) {
    return answer(exception);
  }
}
