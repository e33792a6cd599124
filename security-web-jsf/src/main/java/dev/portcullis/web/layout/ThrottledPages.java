package dev.portcullis.web.layout;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.CredentialGuard.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A page whose action the throttle refused ({@link CredentialGuard}: a password, code or mailed
 * link checked too often, too many mails asked for) is answered like the JSON API's refusal: HTTP
 * 429 {@code Too Many Requests} with {@code Retry-After} in seconds, and the refusal's message (not
 * the "wrong password" or "wrong code" of a check that never happened) above the form. Set just
 * before the page is rendered, so a redirect (a passed sign-in) is left alone.
 */
public class ThrottledPages implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.getResponseComplete()) {
      return;
    }
    ExternalContext external = faces.getExternalContext();
    if (!(external.getRequest() instanceof HttpServletRequest request)) {
      return;
    }
    CredentialGuard.refusalOf(request)
        .ifPresent(
            refusal -> {
              external.setResponseStatus(429);
              external.setResponseHeader(
                  "Retry-After", String.valueOf(refusal.retryAfter().toSeconds()));
            });
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // everything happens before rendering
  }

  /** The message of this request's refusal, for {@link FormPage} (request-scoped). */
  @RequestScoped
  public static class Notice {

    @Inject HttpServletRequest request;
    @Inject Messages messages;

    /** The refusal's text when the throttle refused this request's check or mail. */
    public Optional<String> text() {
      Optional<Refusal> refusal = CredentialGuard.refusalOf(request);
      return refusal.map(r -> messages.text(r.messageKey()));
    }
  }
}
