package dev.portcullis.web.layout;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.impl.authentication.Authentication;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enforces the declared {@link PageRule}s right after the view is restored — on the first GET and
 * on every postback — so no bean method runs for a caller the page is not for, and no bean has to
 * remember to call a guard. A Portcullis view (under {@code /security/}) without a rule is answered
 * 404: a page someone forgot to declare fails closed.
 */
public class PageGuard implements PhaseListener {

  private static final long serialVersionUID = 1L;

  private transient volatile Map<String, PageRule> byViewId;

  /** Where Portcullis' own views live; the application's views are not this guard's business. */
  static final String SECURITY_VIEWS = "/security/";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.getViewRoot() == null || faces.getResponseComplete()) {
      return;
    }
    String viewId = faces.getViewRoot().getViewId();
    Pages pages = CDI.current().select(Pages.class).get();
    Optional<PageRule> rule = ruleFor(viewId);
    if (rule.isEmpty()) {
      if (viewId != null && viewId.startsWith(SECURITY_VIEWS)) {
        pages.notFound();
      }
      return;
    }
    // Before any answer, redirects included: no caching, and no token-bearing URL as referrer.
    CDI.current().select(NoStorePages.class).get().apply();
    if (rule.get().feature().isPresent() && !pages.enabled(rule.get().feature().get())) {
      return;
    }
    Optional<Reason> denied = denial(rule.get().access(), pages);
    if (denied.isPresent()) {
      pages.deny(denied.get());
      return;
    }
    // Taken now, before anything is rendered, so a cookie-borne flash can still be deleted.
    CDI.current().select(FlashMessages.class).get().getList();
    if (faces.isPostback() && faces.getViewRoot().isTransient()) {
      refuseForgedPost(faces);
    }
  }

  /**
   * A stateless page has no view state to protect its form: its {@code csrf_token} field must be
   * good, else the action is skipped and the page re-rendered with the reason.
   */
  private static void refuseForgedPost(FacesContext faces) {
    FormCsrf csrf = CDI.current().select(FormCsrf.class).get();
    Optional<String> failure = csrf.failure();
    if (failure.isPresent()) {
      csrf.refuse(failure.get());
      faces.renderResponse();
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // Nothing before the view exists.
  }

  private static Optional<Reason> denial(PageAccess access, Pages pages) {
    Optional<Authentication> caller = Authentication.of(pages.request());
    return switch (access) {
      case ANYONE -> Optional.empty();
      case ANONYMOUS ->
          caller.isPresent() ? Optional.of(Reason.ANONYMOUS_REQUIRED) : Optional.empty();
      case SIGNED_IN -> caller.isEmpty() ? Optional.of(Reason.UNAUTHENTICATED) : Optional.empty();
      case FRESH -> freshness(caller, pages);
      case SIGNED_IN_FRESH_WITHOUT_PASSWORD ->
          caller.isPresent() && caller.get().user().hasPassword()
              ? Optional.empty()
              : freshness(caller, pages);
    };
  }

  private static Optional<Reason> freshness(Optional<Authentication> caller, Pages pages) {
    if (caller.isEmpty()) {
      return Optional.of(Reason.UNAUTHENTICATED);
    }
    return pages.isFresh() ? Optional.empty() : Optional.of(Reason.REAUTHENTICATION_REQUIRED);
  }

  private Optional<PageRule> ruleFor(String viewId) {
    return Optional.ofNullable(rules().get(viewId));
  }

  /**
   * The declared rules by view id, collected once: they come from configuration read at start-up,
   * so there is no need to ask every producer on every request.
   */
  private Map<String, PageRule> rules() {
    Map<String, PageRule> known = byViewId;
    if (known == null) {
      known =
          CDI.current().select(PageRule.class).stream()
              .collect(
                  Collectors.toUnmodifiableMap(
                      PageRule::viewId, rule -> rule, (first, next) -> first));
      byViewId = known;
    }
    return known;
  }
}
