package dev.portcullis.impl.twofactor;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.twofactor.TwoFactorService.SetupOutcome;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET/POST /tf-setup} (Flask-Security {@code views.two_factor_setup}, spec §1.2 #11, §7.3):
 * choose, change or disable the second factor. A signed-in caller must be fresh; a caller whose
 * sign-in is pending may only be here while setting up ({@code setup_from_login} or {@code
 * validating_profile}).
 */
@Path("tf-setup")
@RequestScoped
@Feature.Gated(Feature.TWO_FACTOR)
public class TwoFactorSetupResource {

  /** Registers the two-factor flag ({@code security.two_factor}) with the gate. */
  @Produces
  static FeatureFlag flag(TwoFactorConfig config) {
    return new FeatureFlag(Feature.TWO_FACTOR, config.enabled());
  }

  private static final Set<Phase> SETTING_UP =
      Set.of(Phase.SETUP_FROM_LOGIN, Phase.VALIDATING_PROFILE);

  @Inject TwoFactorService service;
  @Inject TwoFactorReplies answers;
  @Inject TwoFactorConfig config;
  @Inject SignIn signIn;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject AuthenticationConfig authConfig;
  @Context HttpServletRequest request;

  /** What the client needs to show the choice. */
  @GET
  public Response get() {
    Optional<TwoFactorCaller> caller = TwoFactorCaller.of(request, signIn);
    Optional<Response> refused = refusal(caller);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.setupTemplate());
    }
    UserRecord user = caller.get().user();
    JsonArrayBuilder methods = Jsons.array();
    service.availableMethods(user).forEach(methods::add);
    JsonObjectBuilder body =
        Jsons.object().add("tf_required", config.required()).add("tf_available_methods", methods);
    nullable(body, "tf_primary_method", user.tfPrimaryMethod());
    nullable(body, "tf_method", user.tfPrimaryMethod());
    nullable(body, "tf_phone_number", user.tfPhoneNumber());
    return reply.withCsrfToken(body, request);
  }

  /** Chooses a method (a new secret, a code sent where needed) or disables two-factor. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<TwoFactorCaller> caller = TwoFactorCaller.of(request, signIn);
    Optional<Response> refused = refusal(caller);
    if (refused.isPresent()) {
      return refused.get();
    }
    SetupOutcome outcome =
        service.setup(caller.get().user(), Form.read(data, List.of("setup", "phone"), List.of()));
    boolean json = WantJson.test(request);
    if (outcome instanceof SetupOutcome.Rejected rejected) {
      return answers.fieldErrors(request, 400, rejected.fieldErrors(), config.setupTemplate());
    }
    if (outcome instanceof SetupOutcome.NotSent notSent) {
      TwoFactorStates.put(request, notSent.state());
      return answers.fieldErrors(
          request, notSent.status(), notSent.fieldErrors(), config.setupTemplate());
    }
    if (outcome instanceof SetupOutcome.Started started) {
      TwoFactorStates.put(request, started.state());
      return json
          ? reply.withCsrfToken(Jsons.object(started.fields()), request)
          : Views.redirectToView(request, config.setupTemplate());
    }
    TwoFactorStates.clear(request);
    return json
        ? reply.csrfToken(request)
        : answers.flashed(request, "TWO_FACTOR_DISABLED", config.postSetupView());
  }

  /**
   * Why the caller may not be here: nobody signed in or pending, a pending sign-in not setting up
   * (illegal state), or a signed-in user who is not fresh (re-authentication).
   */
  private Optional<Response> refusal(Optional<TwoFactorCaller> caller) {
    if (caller.isEmpty()) {
      return Optional.of(answers.illegalState(request));
    }
    if (caller.get().signedIn()) {
      return access.isFresh(request)
          ? Optional.empty()
          : Optional.of(
              denials
                  .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
                  .toResponse());
    }
    boolean settingUp =
        caller.get().state(request).map(state -> SETTING_UP.contains(state.phase())).orElse(false);
    return settingUp ? Optional.empty() : Optional.of(answers.illegalState(request));
  }

  private static void nullable(JsonObjectBuilder body, String name, String value) {
    if (value == null) {
      body.addNull(name);
    } else {
      body.add(name, value);
    }
  }
}
