package dev.portcullis.impl.throttle;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * Answers a request whose secret check the {@link CredentialGuard} refused with 429 {@code Too Many
 * Requests}: the endpoint's refusal (400 of a form, 401 of HTTP Basic) becomes the envelope {@code
 * {"errors": [TOO_MANY_FAILED_ATTEMPTS]}} (or {@code MAIL_SEND_LIMIT}) with {@code Retry-After} in
 * seconds. One place for every endpoint (login, Basic on any endpoint, {@code /verify}, {@code
 * /change}, codes, {@code /reset}, {@code /confirm}, {@code /register}, {@code /change-email}), so
 * none can forget it; a redirect of a browser form is left as it is (its page shows the same
 * message), but not the redirect of a refused mailed link ({@link CredentialGuard#refusesToken}).
 */
@jakarta.ws.rs.ext.Provider
public class ThrottledAnswers implements ContainerResponseFilter {

  @Context HttpServletRequest request;
  @Inject Messages messages;

  @Override
  public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
    int status = response.getStatus();
    // The status first: most responses (every 200 of an authenticated request) cannot carry a
    // refusal, and reading the request attribute goes through the injected request's proxy.
    if (!mayCarryRefusal(status) || request == null) {
      return;
    }
    Optional<CredentialGuard.Refusal> refusal = CredentialGuard.refusalOf(request);
    if (refusal.isEmpty() || isRedirect(status) && !refusal.get().link()) {
      return;
    }
    String text = messages.text(refusal.get().messageKey());
    response.setStatus(429);
    response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
    response
        .getHeaders()
        .putSingle(HttpHeaders.RETRY_AFTER, refusal.get().retryAfter().toSeconds());
    response.getHeaders().remove(HttpHeaders.LOCATION);
    response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_TYPE);
    response.setEntity(Envelope.body(429, Envelope.errors(List.of(text))).toString());
  }

  /** A refused check answers 400 (a form), 401 (HTTP Basic) or, for a mailed link, a redirect. */
  static boolean mayCarryRefusal(int status) {
    return status == 400 || status == 401 || isRedirect(status);
  }

  private static boolean isRedirect(int status) {
    return status >= 300 && status < 400;
  }
}
