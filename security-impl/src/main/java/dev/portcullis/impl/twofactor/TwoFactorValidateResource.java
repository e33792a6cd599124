package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.twofactor.TwoFactorService.ValidateOutcome;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/POST /tf-validate} (Flask-Security {@code views.two_factor_token_validation}, spec
 * §1.2 #12, §7.3): the code that completes a sign-in ({@code ready}, or {@code validating_profile}
 * while setting up during sign-in), or that confirms a signed-in user's new method. A signed-in
 * caller without a method to confirm is signed out, as in Flask-Security (it looks like an attack).
 */
@Path("tf-validate")
@RequestScoped
@Feature.Gated(Feature.TWO_FACTOR)
public class TwoFactorValidateResource {

  @Inject TwoFactorService service;
  @Inject TwoFactorCompletion completion;
  @Inject TwoFactorReplies answers;
  @Inject TwoFactorConfig config;
  @Inject SignIn signIn;
  @Inject SignInReplies signInReplies;
  @Inject SessionLogin sessions;
  @Inject UserJson userJson;
  @Inject Replies reply;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Inject Messages messages;
  @Inject Flash flash;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The user (and, mid-sign-in, the rescue options); browsers go to the code page. */
  @GET
  public Response get() {
    Optional<TwoFactorCaller> caller = TwoFactorCaller.of(request, signIn);
    Optional<TwoFactorState> state = caller.flatMap(this::allowedState);
    if (state.isEmpty()) {
      return refuse(caller);
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.verifyCodeTemplate());
    }
    var body = Jsons.object().add("user", userJson.of(caller.get().user(), false));
    if (!caller.get().signedIn()) {
      body.add("recovery_options", answers.recoveryOptions(caller.get().user(), uri));
    }
    return reply.withCsrfToken(body, request);
  }

  /** Checks the code. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<TwoFactorCaller> caller = TwoFactorCaller.of(request, signIn);
    Optional<TwoFactorState> state = caller.flatMap(this::allowedState);
    if (state.isEmpty()) {
      return refuse(caller);
    }
    TwoFactorCaller who = caller.get();
    Form form = Form.read(data, List.of("code"), List.of());
    var typeErrors = form.typeErrors(messages);
    if (!typeErrors.isEmpty()) {
      return answers.fieldErrors(request, 400, typeErrors.toMap(), config.verifyCodeTemplate());
    }
    ValidateOutcome outcome =
        service.validate(who.user(), state.get(), form.text("code"), who.signedIn());
    if (outcome instanceof ValidateOutcome.Rejected rejected) {
      TwoFactorStates.put(request, rejected.state());
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.verifyCodeTemplate());
    }
    if (outcome instanceof ValidateOutcome.TooManyAttempts) {
      TwoFactorStates.clear(request);
      return answers.failure(
          request,
          "TWO_FACTOR_TOO_MANY_ATTEMPTS",
          who.signedIn() ? config.setupTemplate() : answers.errorView());
    }
    return passed(who);
  }

  private Response passed(TwoFactorCaller who) {
    boolean json = WantJson.test(request);
    if (who.signedIn()) {
      TwoFactorStates.clear(request);
      return json
          ? signInReplies.user(who.user(), request)
          : answers.flashed(request, "TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL", config.postSetupView());
    }
    var signedIn = completion.complete(who.pending().orElseThrow(), true, request, response);
    if (json) {
      return signInReplies.user(signedIn.user(), request);
    }
    flash.add(
        request,
        messages.category("TWO_FACTOR_LOGIN_SUCCESSFUL"),
        messages.text("TWO_FACTOR_LOGIN_SUCCESSFUL"));
    return redirects
        .validate(uri.getQueryParameters().getFirst("next"), uri.getBaseUri().getHost())
        .map(Views::redirectTo)
        .orElseGet(() -> Views.redirectToView(request, views.postLoginView()));
  }

  /**
   * The state this caller may validate in: mid-sign-in {@code ready}, or {@code validating_profile}
   * with a method and secret; signed in, only the latter.
   */
  private Optional<TwoFactorState> allowedState(TwoFactorCaller caller) {
    return caller
        .state(request)
        .filter(
            state ->
                (state.phase() == Phase.READY && !caller.signedIn())
                    || (state.phase() == Phase.VALIDATING_PROFILE
                        && state.method() != null
                        && state.secret() != null));
  }

  /** Out of turn; a signed-in caller is signed out as well. */
  private Response refuse(Optional<TwoFactorCaller> caller) {
    if (caller.isPresent() && caller.get().signedIn()) {
      sessions.logout(request, response);
    }
    return answers.illegalState(request);
  }
}
