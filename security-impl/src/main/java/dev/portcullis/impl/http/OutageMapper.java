package dev.portcullis.impl.http;

import dev.portcullis.impl.rest.Envelope;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON API's answer to a persistence failure: 503 in the envelope with {@code Retry-After} and
 * {@code SERVICE_UNAVAILABLE} when the database cannot be reached ({@link DatabaseUnavailable}),
 * instead of Jersey's default 500. Any other failure stays a bug: logged in full and answered 500
 * without a body, which {@link ApiErrorFilter} turns into the envelope as before. One class per
 * exception type JAX-RS sees ({@link PersistenceOutageMapper}, {@link TransactionOutageMapper});
 * this is their common part.
 */
abstract class OutageMapper {

  private static final Logger LOG = Logger.getLogger(OutageMapper.class.getName());

  @Inject ServiceUnavailable unavailable;
  @Context HttpServletRequest request;

  Response answer(RuntimeException failure) {
    if (!DatabaseUnavailable.causedBy(failure)) {
      LOG.log(Level.SEVERE, "A Portcullis request failed", failure);
      return Response.serverError().build();
    }
    unavailable.log(
        request == null ? "?" : request.getMethod(),
        request == null ? "?" : request.getRequestURI(),
        failure);
    return Response.fromResponse(Envelope.of(503, Envelope.errors(List.of(unavailable.text()))))
        .header(HttpHeaders.RETRY_AFTER, unavailable.retryAfterSeconds())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
