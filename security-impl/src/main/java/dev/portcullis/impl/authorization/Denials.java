package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.Mechanism;
import dev.portcullis.event.UserUnauthenticated;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.KeyReauthentication;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers to denied requests (Flask-Security {@code core._default_unauthn_handler}, {@code
 * _default_unauthz_handler}, {@code _default_reauthn_handler}; spec §1.3). JSON clients get the
 * envelope; browsers are redirected to the login, re-authentication or unauthorized view.
 */
@ApplicationScoped
public class Denials {

  /**
   * The mechanisms offered where the container, not Portcullis, demands a caller (a servlet
   * constraint, a standard {@code @RolesAllowed}): Basic is not offered, the container does not
   * know whether the endpoint accepts it.
   */
  public static final Set<Mechanism> CONTAINER_MECHANISMS =
      Set.of(Mechanism.TOKEN, Mechanism.SESSION);

  private Messages messages;
  private RedirectConfig views;
  private AuthenticationConfig authentication;
  private EventPublisher events;
  private Flash flash;

  @Inject KeyReauthentication wanVerify;

  /** For CDI. */
  protected Denials() {}

  @Inject
  Denials(
      Messages messages,
      RedirectConfig views,
      AuthenticationConfig authentication,
      EventPublisher events,
      Flash flash) {
    this.flash = flash;
    this.messages = messages;
    this.views = views;
    this.authentication = authentication;
    this.events = events;
  }

  /** The answer for a denial of the given kind. */
  public Denial answer(Reason reason, Set<Mechanism> accepted, HttpServletRequest request) {
    return switch (reason) {
      case UNAUTHENTICATED -> unauthenticated(accepted, request);
      case REAUTHENTICATION_REQUIRED -> reauthenticate(request);
      case UNAUTHORIZED -> unauthorized(request);
      case ANONYMOUS_REQUIRED -> anonymousRequired(request);
    };
  }

  private Denial unauthenticated(Set<Mechanism> accepted, HttpServletRequest request) {
    events.publish(new UserUnauthenticated(request.getRequestURI()));
    String text = messages.text("UNAUTHENTICATED");
    Map<String, String> headers =
        accepted.contains(Mechanism.BASIC)
            ? Map.of("WWW-Authenticate", "Basic realm=\"" + authentication.httpAuthRealm() + "\"")
            : Map.of();
    if (WantJson.test(request)) {
      return new Denial(401, headers, Envelope.errors(List.of(text)), null);
    }
    if (accepted.contains(Mechanism.BASIC)) {
      return new Denial(401, headers, null, text);
    }
    flash.add(request, messages.category("UNAUTHENTICATED"), text);
    return redirect(views.signInTemplate(), request);
  }

  private Denial reauthenticate(HttpServletRequest request) {
    String text = messages.text("REAUTHENTICATION_REQUIRED");
    if (WantJson.test(request)) {
      return new Denial(
          401,
          Map.of(),
          Jsons.object()
              .add("errors", Jsons.array().add(text))
              .add("reauth_required", true)
              .add("unified_signin_enabled", views.usVerifyTemplate().isPresent())
              .add(
                  "has_webauthn_verify_credential",
                  wanVerify != null
                      && Authentication.of(request).map(a -> wanVerify.has(a.user())).orElse(false))
              .build(),
          null);
    }
    flash.add(request, messages.category("REAUTHENTICATION_REQUIRED"), text);
    // As Flask-Security: with unified sign-in, a code re-authenticates too.
    return redirect(views.usVerifyTemplate().orElse(views.verifyTemplate()), request);
  }

  private Denial unauthorized(HttpServletRequest request) {
    String text = messages.text("UNAUTHORIZED");
    if (WantJson.test(request)) {
      return new Denial(403, Map.of(), Envelope.errors(List.of(text)), null);
    }
    if (views.unauthorizedView().isEmpty()) {
      return new Denial(403, Map.of(), null, text);
    }
    flash.add(request, messages.category("UNAUTHORIZED"), text);
    return new Denial(
        302, Map.of("Location", Views.url(request, views.unauthorizedView().get())), null, null);
  }

  private Denial anonymousRequired(HttpServletRequest request) {
    if (WantJson.test(request)) {
      return new Denial(
          400, Map.of(), Envelope.errors(List.of(messages.text("ANONYMOUS_USER_REQUIRED"))), null);
    }
    // A browser is told why it did not get the page it asked for (login, register, ...).
    flash.add(
        request,
        messages.category("ANONYMOUS_USER_REQUIRED"),
        messages.text("ANONYMOUS_USER_REQUIRED"));
    return new Denial(
        302, Map.of("Location", Views.url(request, views.postLoginView())), null, null);
  }

  /**
   * A redirect to a view with {@code next} = the current path and query (same host), without
   * credentials from the query ({@link CredentialParameters}).
   */
  private Denial redirect(String view, HttpServletRequest request) {
    String query =
        CredentialParameters.strip(request.getQueryString(), authentication.tokenQueryKey());
    String current = request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    String location =
        Views.url(request, view) + "?next=" + URLEncoder.encode(current, StandardCharsets.UTF_8);
    return new Denial(302, Map.of("Location", location), null, null);
  }
}
