package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.LinkOutcome;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /us-verify-link?id=<fs_uniquifier>&code=<code>} (Flask-Security {@code
 * us_verify_link}, spec §1.2 #23, §5.10): the magic link of a mailed sign-in code. Clicked in a
 * mail, so it always redirects: to the sign-in page with the reason when refused, else through the
 * sign-in pipeline (a second factor when {@code email} is in {@code security.us_mfa_required}). The
 * code is the mailed one, so the link works once and only within {@code
 * security.us_token_validity}.
 */
@Path("us-verify-link")
@RequestScoped
@Feature.Gated(Feature.UNIFIED_SIGNIN)
public class UsVerifyLinkResource {

  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject Flash flash;
  @Inject Messages messages;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  /** Signs the link's user in, or says why not. */
  @GET
  public Response get(@QueryParam("id") String id, @QueryParam("code") String code) {
    if (Authentication.of(request).isPresent()) {
      flash(messages.category("ANONYMOUS_USER_REQUIRED"), "ANONYMOUS_USER_REQUIRED");
      return Views.redirectToView(request, views.postLoginView());
    }
    LinkOutcome outcome = service.verifyLink(id, code);
    if (outcome instanceof LinkOutcome.Refused refused) {
      flash("error", refused.messageKey());
      return Views.redirectToView(request, config.signinTemplate());
    }
    LinkOutcome.Passed passed = (LinkOutcome.Passed) outcome;
    SignInResult result =
        signIn.complete(
            new PrimaryAuthentication(
                passed.user(), "email", false, config.mfaRequired().contains("email")),
            request,
            response);
    if (result instanceof SignInResult.SignedIn) {
      flash(messages.category("PASSWORDLESS_LOGIN_SUCCESSFUL"), "PASSWORDLESS_LOGIN_SUCCESSFUL");
    }
    return Views.redirectTo(
        replies.browserTarget(result, Optional.empty(), views.postLoginView(), request));
  }

  private void flash(String category, String messageKey) {
    flash.add(request, category, messages.text(messageKey));
  }
}
