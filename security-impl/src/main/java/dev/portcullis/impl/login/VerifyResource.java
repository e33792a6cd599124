package dev.portcullis.impl.login;

import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.KeyReauthentication;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/POST /verify}: re-authentication with the password, which refreshes the session's
 * freshness anchor (Flask-Security {@code views.verify}, spec §1.2 #3 and §7.8).
 */
@Path("verify")
@RequestScoped
@AuthRequired
public class VerifyResource {

  @Inject VerifyService service;
  @Context UriInfo uri;
  @Inject UserJson userJson;
  @Inject Csrf csrf;
  @Inject Replies reply;
  @Inject LoginConfig config;
  @Inject RedirectConfig views;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject KeyReauthentication wanVerify;
  @Context HttpServletRequest request;

  /** The user and a CSRF token, or the verify page for browsers. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.verifyTemplate());
    }
    UserRecord user = Authentication.of(request).orElseThrow().user();
    return Envelope.ok(
        Jsons.object()
            .add("user", userJson.of(user, false))
            .add("csrf_token", csrf.token(request))
            .add("has_webauthn_verify_credential", wanVerify.has(user))
            .build());
  }

  /**
   * Checks the password of the caller and refreshes the freshness of the caller's own session. A
   * token-authenticated request answers the same but changes no session (issue 6, defect 1).
   */
  @POST
  public Response post(FormData data) {
    Form form = Form.read(data, VerifyService.FIELDS, List.of());
    UserRecord user = Authentication.of(request).orElseThrow().user();
    VerifyService.Outcome outcome =
        service.verify(
            user, form, uri.getQueryParameters().getFirst("next"), uri.getBaseUri().getHost());
    if (outcome instanceof VerifyService.Outcome.Rejected rejected) {
      return WantJson.test(request)
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.verifyTemplate());
    }
    signIn.reauthenticated(user, request);
    if (!WantJson.test(request)) {
      Optional<String> next = ((VerifyService.Outcome.Verified) outcome).next();
      return next.isPresent()
          ? Views.redirectTo(next.get())
          : Views.redirectToView(request, views.postVerifyView().orElse(views.postLoginView()));
    }
    return replies.user(user, request);
  }
}
