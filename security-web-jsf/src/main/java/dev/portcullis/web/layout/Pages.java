package dev.portcullis.web.layout;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.feature.FeatureGate;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every account page's bean needs around its one service call: the feature gate (a disabled
 * feature's page is a 404, as its JSON endpoint), the access answers of the JSON API (sign-in,
 * anonymous-only, freshness) applied to the Faces response, links for mails, flashes and redirects.
 *
 * <p>The guards are not called by beans: {@link PageGuard} applies each page's declared {@link
 * PageRule} before any bean code runs.
 */
@ApplicationScoped
public class Pages {

  @Inject FeatureGate features;
  @Inject Denials denials;
  @Inject AccessDecision access;
  @Inject Messages messages;
  @Inject Flash flash;
  @Inject MailLinks mailLinks;

  /** The page exists: its feature is enabled; otherwise answers 404. */
  boolean enabled(String feature) {
    if (features.enabled(feature)) {
      return true;
    }
    try {
      external().responseSendError(404, messages.text("NOT_FOUND"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
    return false;
  }

  /** Answers 404: the view is not a declared Portcullis page. */
  void notFound() {
    try {
      external().responseSendError(404, messages.text("NOT_FOUND"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }

  /** Whether the caller authenticated recently enough ({@code security.freshness}). */
  boolean isFresh() {
    return access.isFresh(request());
  }

  /** The caller of a page whose {@link PageRule} requires one (so there is one). */
  public Authentication caller() {
    return Authentication.of(request()).orElseThrow();
  }

  /**
   * Builds absolute links to the JSON API for mails ({@code confirm/<token>} and the like); empty
   * when the request's host may not be used for them ({@link MailLinks}), after showing why on
   * {@code page}. The bean then calls no service: nothing is written, nothing mailed.
   */
  public Optional<Function<String, String>> links(FormPage page) {
    Optional<Function<String, String>> links = mailLinks.of(request());
    if (links.isEmpty()) {
      page.show(Map.of("", List.of(mailLinks.refusalText())));
    }
    return links;
  }

  /**
   * Shows a service's refusal of a form on {@code page}: its field errors, or, when the throttle
   * refused this request's secret check ({@link CredentialGuard}), the throttle's message above the
   * form instead, answered 429 with {@code Retry-After} in seconds as the JSON API answers (the
   * secret was not checked, so "wrong password" would be untrue and hide the wait).
   */
  public void showRejected(FormPage page, Map<String, List<String>> fieldErrors) {
    Optional<CredentialGuard.Refusal> refusal = CredentialGuard.refusalOf(request());
    if (refusal.isEmpty()) {
      page.show(fieldErrors);
      return;
    }
    HttpServletResponse response = response();
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(refusal.get().retryAfter().toSeconds()));
    page.show(Map.of("", List.of(messages.text(refusal.get().messageKey()))));
  }

  /**
   * Whether the throttle refused this request's check or mail ({@link CredentialGuard}): nothing
   * was checked or sent, so the page stays and says so ({@link #showRejected}) rather than redirect
   * as for a checked failure.
   */
  public boolean throttled() {
    return CredentialGuard.refusalOf(request()).isPresent();
  }

  /** Queues a message for the next page, in its category. */
  public void flash(String key, Map<String, ?> args) {
    flash.add(request(), messages.category(key), messages.text(key, args));
  }

  /** Redirects to a configured view (relative to the application, or absolute). */
  public void redirectToView(String view) {
    redirect(Views.url(request(), view));
  }

  /** Redirects to an already validated URL. */
  public void redirect(String url) {
    try {
      external().redirect(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The servlet request of this Faces request. */
  public HttpServletRequest request() {
    return (HttpServletRequest) external().getRequest();
  }

  /** The servlet response of this Faces request. */
  public HttpServletResponse response() {
    return (HttpServletResponse) external().getResponse();
  }

  /** Answers a denied page request as the JSON API's access rules would, for a browser. */
  void deny(Reason reason) {
    // Pages are for browsers: an anonymous caller is sent to the login page even where the API
    // would answer Basic's 401 challenge.
    try {
      denials.answer(reason, Set.of(Mechanism.SESSION), request()).writeTo(response());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }
}
