package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.LinkOutcome;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.FlowRedirects;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
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
  @Inject Redirects redirects;
  @Inject FlowViews flowViews;
  @Inject FlowRedirects flowRedirects;
  @Inject LinkAnswers answers;
  @Context UriInfo uri;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  /**
   * Signs the link's user in, or says why not. A {@code next} on the link (carried from the
   * send-code request) is checked like every {@code next} and leads on after the second factor too;
   * one that fails the check is dropped.
   */
  @GET
  public Response get(
      @QueryParam("id") String id,
      @QueryParam("code") String code,
      @QueryParam("next") String nextParam) {
    if (Authentication.of(request).isPresent()) {
      flash(messages.category("ANONYMOUS_USER_REQUIRED"), "ANONYMOUS_USER_REQUIRED");
      return Views.redirectToView(request, views.postLoginView());
    }
    Optional<String> next =
        Optional.ofNullable(nextParam)
            .filter(n -> !n.isEmpty())
            .flatMap(n -> redirects.validate(n, uri.getBaseUri().getHost()));
    LinkOutcome outcome = service.verifyLink(id, code);
    if (outcome instanceof LinkOutcome.Refused refused) {
      // SPA: no user details in the query, so a refused link says nothing of whose it was
      return answers.redirect(
          request,
          flowViews.loginErrorView(),
          config.signinTemplate(),
          refused.messageKey(),
          Map.of(),
          null);
    }
    LinkOutcome.Passed passed = (LinkOutcome.Passed) outcome;
    SignInResult result =
        signIn.complete(
            new PrimaryAuthentication(
                passed.user(), "email", false, config.mfaRequired().contains("email")),
            request,
            response);
    if (flowRedirects.spa()) {
      return spaAnswer(result, passed.user());
    }
    if (result instanceof SignInResult.SignedIn) {
      flash(messages.category("PASSWORDLESS_LOGIN_SUCCESSFUL"), "PASSWORDLESS_LOGIN_SUCCESSFUL");
    }
    return Views.redirectTo(replies.browserTarget(result, next, views.postLoginView(), request));
  }

  /**
   * {@code security.redirect_behavior=spa}, as Flask-Security's {@code us_verify_link} (spec §1.2
   * #23): signed in → the post-login view with {@code email} and {@code identity} (never a token in
   * a URL); a second factor due → the login error view with {@code tf_required=1}, {@code email}
   * and {@code identity} (the SPA continues with the code endpoints, whose pending state this
   * request began); the factor's first step failed → the login error view with the message. A
   * link's {@code next} is not followed here: the SPA decides where to go, as in Flask-Security.
   */
  private Response spaAnswer(SignInResult result, UserRecord user) {
    Map<String, String> who = new LinkedHashMap<>();
    who.put("email", user.email());
    who.put("identity", user.email());
    if (result instanceof SignInResult.SignedIn) {
      return flowRedirects.redirect(request, views.postLoginView(), who);
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (result instanceof SignInResult.SecondFactorRequired required
        && required.step().orElse(null) instanceof SecondFactor.Step.Failed failed) {
      params.putAll(
          FlowRedirects.message(
              messages.category(failed.messageKey()),
              messages.text(failed.messageKey(), failed.args())));
    } else {
      params.put("tf_required", "1");
      params.putAll(who);
    }
    return flowRedirects.redirect(
        request, flowViews.loginErrorView().orElse(config.signinTemplate()), params);
  }

  private void flash(String category, String messageKey) {
    flash.add(request, category, messages.text(messageKey));
  }
}
