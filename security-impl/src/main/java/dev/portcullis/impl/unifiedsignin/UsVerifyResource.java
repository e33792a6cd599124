package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.KeyReauthentication;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.PasscodeOutcome;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.SendOutcome;
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
 * {@code GET/POST /us-verify} and {@code POST /us-verify/send-code} (Flask-Security {@code
 * us_verify}, {@code us_verify_send_code}, spec §1.2 #21, #22): re-authentication with a password
 * or a one-time code, which refreshes the freshness of the caller's own session (spec §7.8).
 */
@Path("us-verify")
@RequestScoped
@AuthRequired
@Feature.Gated(Feature.UNIFIED_SIGNIN)
public class UsVerifyResource {

  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject UsReplies answers;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject KeyReauthentication wanVerify;
  @Inject Replies reply;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The methods the caller can verify with; browsers go to the page. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.verifyTemplate());
    }
    UserRecord user = caller();
    return reply.withCsrfToken(
        Jsons.object()
            .add("available_methods", UsReplies.array(config.enabledMethods()))
            .add("code_methods", UsReplies.array(service.activeCodeMethods(user)))
            .add("has_webauthn_verify_credential", wanVerify.has(user)),
        request);
  }

  /** Checks the caller's passcode and marks the session fresh. */
  @POST
  public Response post(FormData data) {
    UserRecord user = caller();
    PasscodeOutcome outcome =
        service.verify(
            user,
            Form.read(data, UnifiedSigninService.VERIFY_FIELDS, List.of()),
            uri.getQueryParameters().getFirst("next"),
            uri.getBaseUri().getHost());
    if (outcome instanceof PasscodeOutcome.Rejected rejected) {
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.verifyTemplate());
    }
    signIn.reauthenticated(user, request);
    if (WantJson.test(request)) {
      return replies.user(user, request);
    }
    Optional<String> next = ((PasscodeOutcome.Passed) outcome).next();
    answers.flash(request, "REAUTHENTICATION_SUCCESSFUL");
    return next.isPresent()
        ? Views.redirectTo(next.get())
        : Views.redirectToView(request, views.postVerifyView().orElse(views.postLoginView()));
  }

  /** A code (no magic link) to one of the caller's code methods. */
  @POST
  @Path("send-code")
  public Response sendCode(FormData data) {
    SendOutcome outcome =
        service.sendVerifyCode(
            caller(), Form.read(data, UnifiedSigninService.VERIFY_FIELDS, List.of()));
    if (outcome instanceof SendOutcome.Rejected rejected) {
      return answers.fieldErrors(
          request, rejected.status(), rejected.fieldErrors(), config.verifyTemplate());
    }
    return WantJson.test(request)
        ? reply.csrfToken(request)
        : answers.flashed(request, "CODE_HAS_BEEN_SENT", config.verifyTemplate());
  }

  private UserRecord caller() {
    return Authentication.of(request).orElseThrow().user();
  }
}
