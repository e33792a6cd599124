package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.PasscodeOutcome;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.SendOutcome;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET/POST /us-signin} and {@code POST /us-signin/send-code} (Flask-Security {@code
 * us_signin}, {@code us_signin_send_code}, spec §1.2 #17, #18): sign in with an identity and a
 * password or one-time code, or have a code sent. Every success goes through the sign-in pipeline,
 * which asks a second factor after the methods of {@code security.us_mfa_required}.
 */
@Path("us-signin")
@RequestScoped
@Feature.Gated(Feature.UNIFIED_SIGNIN)
public class UsSigninResource {

  /** Registers the unified sign-in flag ({@code security.unified_signin}) with the gate. */
  @Produces
  static FeatureFlag flag(UnifiedSigninConfig config) {
    return new FeatureFlag(Feature.UNIFIED_SIGNIN, config.enabled());
  }

  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject UsReplies answers;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject MailLinks links;
  @Inject Redirects redirects;
  @Inject Csrf csrf;
  @Inject Replies reply;
  @Inject LoginConfig login;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The methods and identity attributes; browsers go to the page. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(
          request,
          Authentication.of(request).isPresent() ? views.postLoginView() : config.signinTemplate());
    }
    csrf.maybeSendCookie(request, response, true);
    return reply.withCsrfToken(answers.signinInfo(), request);
  }

  /** Identity and passcode. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<Response> signedIn = alreadySignedIn();
    if (signedIn.isPresent()) {
      return signedIn.get();
    }
    PasscodeOutcome outcome =
        service.signIn(
            Form.read(data, UnifiedSigninService.SIGNIN_FIELDS, List.of("remember")),
            uri.getQueryParameters().getFirst("next"),
            uri.getBaseUri().getHost());
    if (outcome instanceof PasscodeOutcome.Rejected rejected) {
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.signinTemplate());
    }
    PasscodeOutcome.Passed passed = (PasscodeOutcome.Passed) outcome;
    SignInResult result =
        signIn.complete(
            new PrimaryAuthentication(
                passed.user(),
                passed.method(),
                passed.remember(),
                config.mfaRequired().contains(passed.method())),
            request,
            response);
    return WantJson.test(request)
        ? replies.json(result, request)
        : Views.redirectTo(
            replies.browserTarget(result, passed.next(), views.postLoginView(), request));
  }

  /** A code (and, by mail, a magic link) to the identity's chosen method. */
  @POST
  @Path("send-code")
  @UnauthCsrf
  public Response sendCode(FormData data) {
    Optional<Response> signedIn = alreadySignedIn();
    if (signedIn.isPresent()) {
      return signedIn.get();
    }
    // The magic link is built before anything is sent: an untrusted host gets no mail.
    Optional<String> next = carriedNext(data);
    Optional<Function<String, String>> base =
        links
            .of(uri)
            .map(
                link ->
                    next.isEmpty()
                        ? link
                        : path ->
                            link.apply(
                                path
                                    + "&next="
                                    + URLEncoder.encode(next.get(), StandardCharsets.UTF_8)));
    boolean byMail = data.string("chosen_method").asOptional().orElse("").equals("email");
    if (base.isEmpty() && byMail) {
      return links.refusal();
    }
    SendOutcome outcome =
        service.sendSigninCode(
            Form.read(data, UnifiedSigninService.SIGNIN_FIELDS, List.of("remember")), base);
    if (outcome instanceof SendOutcome.Rejected rejected) {
      return answers.fieldErrors(
          request, rejected.status(), rejected.fieldErrors(), config.signinTemplate());
    }
    if (!WantJson.test(request)) {
      return answers.flashed(
          request,
          login.genericResponses() ? "GENERIC_US_SIGNIN" : "CODE_HAS_BEEN_SENT",
          config.signinTemplate());
    }
    // Generic mode answers every identity alike, sent or not.
    return login.genericResponses()
        ? reply.withCsrfToken(answers.signinInfo(), request)
        : reply.csrfToken(request);
  }

  /**
   * The {@code next} of a send-code request (form or query), when it passes the redirect check: the
   * magic link carries it, so a link click leads there, through a second factor if one is due. One
   * that fails the check is not carried (the link is checked again when clicked).
   */
  private Optional<String> carriedNext(FormData data) {
    Optional<String> next =
        data.string("next")
            .asOptional()
            .filter(n -> !n.isEmpty())
            .or(
                () ->
                    Optional.ofNullable(uri.getQueryParameters().getFirst("next"))
                        .filter(n -> !n.isEmpty()));
    return next.flatMap(n -> redirects.validate(n, uri.getBaseUri().getHost()));
  }

  private Optional<Response> alreadySignedIn() {
    if (Authentication.of(request).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        WantJson.test(request)
            ? reply.error(400, "ANONYMOUS_USER_REQUIRED")
            : Views.redirectToView(request, views.postLoginView()));
  }
}
