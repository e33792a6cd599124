package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.unifiedsignin.UsSetupService.SetupOutcome;
import dev.portcullis.impl.unifiedsignin.UsSetupService.ValidateOutcome;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/POST /us-setup} and {@code POST /us-setup/<state>} (Flask-Security {@code us_setup},
 * {@code us_setup_validate}, spec §1.2 #19, #20, §7.5): add and remove unified sign-in methods. The
 * caller must be fresh; a new method is stored only when its first code comes back with its state.
 */
@Path("us-setup")
@RequestScoped
@AuthRequired
@Feature.Gated(Feature.UNIFIED_SIGNIN)
public class UsSetupResource {

  @Inject UsSetupService setup;
  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject UsReplies answers;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject AuthenticationConfig authConfig;
  @Inject Messages messages;
  @Context HttpServletRequest request;

  /** The caller's methods; browsers go to the page. */
  @GET
  public Response get() {
    Optional<Response> stale = staleness();
    if (stale.isPresent()) {
      return stale.get();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.setupTemplate());
    }
    UserRecord user = caller();
    JsonObjectBuilder body =
        answers
            .signinInfo()
            .add("active_methods", UsReplies.array(service.activeMethods(user)))
            .add("setup_methods", UsReplies.array(config.setupMethods()));
    if (user.usPhoneNumber() == null) {
      body.addNull("phone");
    } else {
      body.add("phone", user.usPhoneNumber());
    }
    return reply.withCsrfToken(body, request);
  }

  /** Removes methods and/or starts setting one up. */
  @POST
  public Response post(FormData data) {
    Optional<Response> stale = staleness();
    if (stale.isPresent()) {
      return stale.get();
    }
    FormData.FieldValue<List<String>> delete = data.strings("delete_method");
    if (delete instanceof FormData.FieldValue.WrongType<List<String>> wrong) {
      return answers.fieldErrors(
          request,
          400,
          new FieldErrors().add("delete_method", messages.text(wrong.messageKey())).toMap(),
          config.setupTemplate());
    }
    SetupOutcome outcome =
        setup.setup(
            caller(),
            Form.read(data, UsSetupService.FIELDS, List.of()),
            delete.asOptional().orElse(List.of()));
    if (outcome instanceof SetupOutcome.Rejected rejected) {
      return answers.fieldErrors(
          request, rejected.status(), rejected.fieldErrors(), config.setupTemplate());
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.setupTemplate());
    }
    return outcome instanceof SetupOutcome.Started started
        ? reply.withCsrfToken(Jsons.object(started.fields()), request)
        : reply.csrfToken(request);
  }

  /** The first code of the method in {@code state}. */
  @POST
  @Path("{state}")
  public Response validate(@PathParam("state") String state, FormData data) {
    Form form = Form.read(data, List.of("passcode"), List.of());
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return answers.fieldErrors(request, 400, errors.toMap(), config.setupTemplate());
    }
    ValidateOutcome outcome = setup.validate(caller(), state, form.text("passcode"));
    if (outcome instanceof ValidateOutcome.Rejected rejected) {
      return answers.fieldErrors(
          request,
          400,
          new FieldErrors().add(rejected.field(), rejected.message()).toMap(),
          config.setupTemplate());
    }
    ValidateOutcome.Stored stored = (ValidateOutcome.Stored) outcome;
    if (!WantJson.test(request)) {
      return answers.flashed(request, "US_SETUP_SUCCESSFUL", config.postSetupView());
    }
    JsonObjectBuilder body = Jsons.object().add("chosen_method", stored.method());
    if (stored.phone() == null) {
      body.addNull("phone");
    } else {
      body.add("phone", stored.phone());
    }
    return reply.withCsrfToken(body, request);
  }

  /** A caller who is not fresh must re-authenticate first (spec §7.8). */
  private Optional<Response> staleness() {
    return access.isFresh(request)
        ? Optional.empty()
        : Optional.of(
            denials
                .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
                .toResponse());
  }

  private UserRecord caller() {
    return Authentication.of(request).orElseThrow().user();
  }
}
