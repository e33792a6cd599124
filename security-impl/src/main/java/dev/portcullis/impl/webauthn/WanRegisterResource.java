package dev.portcullis.impl.webauthn;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /wan-register} and {@code POST /wan-register/<state>} (Flask-Security {@code
 * wan_register}, {@code wan_register_response}, spec §1.2 #24, #25): list the caller's keys, start
 * registering one, and store it when the browser's credential comes back. Starting needs a fresh
 * caller; the state is bound to the caller.
 */
@Path("wan-register")
@RequestScoped
@AuthRequired
@Feature.Gated(Feature.WEBAUTHN)
public class WanRegisterResource {

  @Inject WanRegistration registration;
  @Inject WanReplies answers;
  @Inject WebAuthnConfig config;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject AuthenticationConfig authConfig;
  @Inject Messages messages;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The caller's keys; browsers go to the page. */
  @GET
  public Response get() {
    Optional<Response> stale = staleness();
    if (stale.isPresent()) {
      return stale.get();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.registerTemplate());
    }
    return reply.withCsrfToken(
        Jsons.object()
            .add(
                "registered_credentials",
                WanReplies.credentials(registration.credentials(caller()))),
        request);
  }

  /** Creation options for a new key ({@code name}, {@code usage}). */
  @POST
  public Response post(FormData data) {
    Optional<Response> stale = staleness();
    if (stale.isPresent()) {
      return stale.get();
    }
    Form form = Form.read(data, List.of("name", "usage"), List.of());
    var errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return answers.refused(request, "name", "API_ERROR", Map.of(), config.registerTemplate());
    }
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    WanResult result =
        registration.start(caller(), form.text("name"), form.text("usage"), rp.get());
    return answers.started(result, Jsons.object(), request, config.registerTemplate());
  }

  /** The browser's {@code credential} for {@code state}: verified and stored. */
  @POST
  @Path("{state}")
  public Response finish(@PathParam("state") String state, FormData data) {
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    Optional<String> credential = data.string("credential").asOptional();
    WanRegistration.Finished finished = registration.finish(caller(), state, credential, rp.get());
    if (finished instanceof WanRegistration.Finished.Refused refused) {
      return answers.refused(
          request, "credential", refused.messageKey(), refused.args(), config.registerTemplate());
    }
    String name = ((WanRegistration.Finished.Registered) finished).name();
    return WantJson.test(request)
        ? reply.csrfToken(request)
        : answers.flashed(
            request,
            "WEBAUTHN_REGISTER_SUCCESSFUL",
            Map.of("name", name),
            config.postRegisterView());
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
