package dev.portcullis.impl.recoverycodes;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.recoverycodes.RecoveryCodesService.RedeemOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.twofactor.TwoFactorCaller;
import dev.portcullis.impl.twofactor.TwoFactorCompletion;
import dev.portcullis.impl.twofactor.TwoFactorReplies;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorStates;
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
 * {@code GET/POST /mf-recovery} (Flask-Security {@code recovery_codes.mf_recovery}, spec §1.2 #16):
 * a user whose sign-in waits for a code ({@code ready}) signs in with a recovery code instead. The
 * code is used up; no remember-this-device cookie follows.
 */
@Path("mf-recovery")
@RequestScoped
@Feature.Gated(Feature.MULTI_FACTOR_RECOVERY_CODES)
@AnonymousRequired
public class RecoveryResource {

  @Inject RecoveryCodesService service;
  @Inject RecoveryCodesConfig config;
  @Inject TwoFactorCompletion completion;
  @Inject TwoFactorReplies answers;
  @Inject SignIn signIn;
  @Inject UserJson userJson;
  @Inject Replies reply;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** A CSRF token for the form. */
  @GET
  public Response get() {
    if (ready().isEmpty()) {
      return answers.illegalState(request);
    }
    return WantJson.test(request)
        ? reply.csrfToken(request)
        : Views.redirectToView(request, config.recoveryTemplate());
  }

  /** Signs in with the form's {@code code}. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<TwoFactorCaller> caller = ready();
    if (caller.isEmpty()) {
      return answers.illegalState(request);
    }
    RedeemOutcome outcome =
        service.redeem(caller.get().user(), Form.read(data, List.of("code"), List.of()));
    if (outcome instanceof RedeemOutcome.Rejected rejected) {
      TwoFactorState counted = caller.get().state(request).orElseThrow().failedOnce();
      if (counted.exhausted()) {
        TwoFactorStates.clear(request);
        return answers.failure(request, "TWO_FACTOR_TOO_MANY_ATTEMPTS", answers.errorView());
      }
      TwoFactorStates.put(request, counted);
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.recoveryTemplate());
    }
    var signedIn =
        completion.complete(caller.get().pending().orElseThrow(), false, request, response);
    if (WantJson.test(request)) {
      return reply.withCsrfToken(
          Jsons.object().add("user", userJson.of(signedIn.user(), false)), request);
    }
    return redirects
        .validate(uri.getQueryParameters().getFirst("next"), uri.getBaseUri().getHost())
        .map(Views::redirectTo)
        .orElseGet(() -> Views.redirectToView(request, views.postLoginView()));
  }

  /** A caller whose sign-in is pending in state {@code ready}. */
  private Optional<TwoFactorCaller> ready() {
    return TwoFactorCaller.of(request, signIn)
        .filter(caller -> !caller.signedIn())
        .filter(
            caller ->
                caller
                    .state(request)
                    .map(state -> state.phase() == TwoFactorState.Phase.READY)
                    .orElse(false));
  }
}
