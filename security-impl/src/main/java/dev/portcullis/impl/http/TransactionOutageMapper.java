package dev.portcullis.impl.http;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} boundary that could not begin or commit in a JAX-RS request: 503 when
 * the database is down (see {@link OutageMapper}).
 */
@Provider
public class TransactionOutageMapper extends OutageMapper
    implements ExceptionMapper<TransactionalException> {

  @Override
  public Response toResponse(TransactionalException exception) {
    return answer(exception);
  }
}
