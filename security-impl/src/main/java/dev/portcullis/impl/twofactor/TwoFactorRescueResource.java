package dev.portcullis.impl.twofactor;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.twofactor.TwoFactorRescueService.RescueOutcome;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.impl.views.Views;
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
 * {@code GET/POST /tf-rescue} (Flask-Security {@code views.two_factor_rescue}, spec §1.2 #13): for
 * a user whose sign-in waits for a code ({@code ready}) and who cannot produce one. A recovery code
 * is answered with a 302 to {@code /mf-recovery}, also for JSON, as in Flask-Security.
 */
@Path("tf-rescue")
@RequestScoped
@Feature.Gated(Feature.TWO_FACTOR)
@AnonymousRequired
public class TwoFactorRescueResource {

  @Inject TwoFactorRescueService service;
  @Inject TwoFactorReplies answers;
  @Inject TwoFactorConfig config;
  @Inject SignIn signIn;
  @Inject Replies reply;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The rescue options. */
  @GET
  public Response get() {
    Optional<TwoFactorCaller> caller = ready();
    if (caller.isEmpty()) {
      return answers.illegalState(request);
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.verifyCodeTemplate());
    }
    return options(caller.get());
  }

  /** Carries out one option ({@code help_setup}). */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<TwoFactorCaller> caller = ready();
    if (caller.isEmpty()) {
      return answers.illegalState(request);
    }
    RescueOutcome outcome =
        service.rescue(caller.get().user(), Form.read(data, List.of("help_setup"), List.of()));
    if (outcome instanceof RescueOutcome.Rejected rejected) {
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.verifyCodeTemplate());
    }
    if (outcome instanceof RescueOutcome.NotSent notSent) {
      return answers.fieldErrors(
          request, notSent.status(), notSent.fieldErrors(), config.verifyCodeTemplate());
    }
    if (outcome instanceof RescueOutcome.UseRecoveryCode) {
      return WantJson.test(request)
          ? Views.redirectTo(api() + "mf-recovery")
          : Views.redirectToView(request, config.recoveryTemplate());
    }
    if (!WantJson.test(request)) {
      boolean mailed = ((RescueOutcome.Done) outcome).choice().equals("email");
      return answers.flashed(
          request,
          mailed ? "CODE_HAS_BEEN_SENT" : "TWO_FACTOR_HELP_REQUESTED",
          config.verifyCodeTemplate());
    }
    return options(caller.get());
  }

  private Response options(TwoFactorCaller caller) {
    return reply.withCsrfToken(
        Jsons.object().add("recovery_options", answers.recoveryOptions(caller.user(), uri)),
        request);
  }

  /** A caller whose sign-in is pending in state {@code ready}. */
  private Optional<TwoFactorCaller> ready() {
    return TwoFactorCaller.of(request, signIn)
        .filter(caller -> !caller.signedIn())
        .filter(
            caller ->
                caller.state(request).map(state -> state.phase() == Phase.READY).orElse(false));
  }

  private String api() {
    String path = uri.getBaseUri().getPath();
    return path.endsWith("/") ? path : path + "/";
  }
}
