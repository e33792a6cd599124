package dev.portcullis.impl.login;

import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.CsrfExempt;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET/POST /logout} (Flask-Security {@code views.logout}): ends the session and the
 * remember-me cookie. A JSON POST answers 200 with an empty response; everything else is redirected
 * to a validated {@code next} or {@code security.post_logout_view}, with a "signed out" message
 * (beyond Flask, which says nothing: without it, a user cannot tell that the click worked). CSRF-
 * exempt, as in 5.4.
 */
@Path("logout")
@RequestScoped
public class LogoutResource {

  @Inject SessionLogin sessions;
  @Inject Csrf csrf;
  @Inject Redirects redirects;
  @Inject LoginConfig config;
  @Inject RedirectConfig views;
  @Inject Flash flash;
  @Inject Messages messages;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** Logout by GET (when {@code security.logout_methods} allows it). */
  @GET
  public Response get() {
    return logout(false);
  }

  /** Logout by POST. */
  @POST
  @CsrfExempt
  public Response post() {
    return logout(WantJson.test(request));
  }

  private Response logout(boolean json) {
    if (!config.logoutMethods().contains(request.getMethod())) {
      return Response.status(405).build();
    }
    sessions.logout(request, response);
    csrf.clearCookie(request, response);
    if (json) {
      return Envelope.ok(JsonValue.EMPTY_JSON_OBJECT);
    }
    flash.add(request, messages.category("SIGNED_OUT"), messages.text("SIGNED_OUT"));
    String next = uri.getQueryParameters().getFirst("next");
    return redirects
        .validate(next, uri.getBaseUri().getHost())
        .map(Views::redirectTo)
        .orElseGet(() -> Views.redirectToView(request, views.postLogoutView()));
  }
}
