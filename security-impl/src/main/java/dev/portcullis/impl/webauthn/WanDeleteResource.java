package dev.portcullis.impl.webauthn;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET/POST /wan-delete} (Flask-Security {@code wan_delete}, spec §1.2 #28, §7.6): removes
 * the fresh caller's key by name. Browsers go to the keys page, with the flash of the outcome after
 * a POST; a GET only leads there (JSON: a CSRF token).
 */
@Path("wan-delete")
@RequestScoped
@AuthRequired
@Feature.Gated(Feature.WEBAUTHN)
public class WanDeleteResource {

  @Inject WanRegistration registration;
  @Inject WanReplies answers;
  @Inject WebAuthnConfig config;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject AuthenticationConfig authConfig;
  @Context HttpServletRequest request;

  /** Nothing to delete: browsers go to the keys page, JSON clients get a CSRF token. */
  @GET
  public Response get() {
    if (!access.isFresh(request)) {
      return stale();
    }
    return WantJson.test(request)
        ? reply.csrfToken(request)
        : Views.redirectToView(request, config.registerTemplate());
  }

  /** Deletes the key {@code name}. */
  @POST
  public Response post(FormData data) {
    if (!access.isFresh(request)) {
      return stale();
    }
    WanRegistration.Finished outcome =
        registration.delete(
            Authentication.of(request).orElseThrow().user(), data.string("name").asOptional());
    if (outcome instanceof WanRegistration.Finished.Refused refused) {
      return answers.refused(
          request, "name", refused.messageKey(), refused.args(), config.registerTemplate());
    }
    String name = ((WanRegistration.Finished.Deleted) outcome).name();
    return WantJson.test(request)
        ? reply.csrfToken(request)
        : answers.flashed(
            request,
            "WEBAUTHN_CREDENTIAL_DELETED",
            java.util.Map.of("name", name),
            config.registerTemplate());
  }

  private Response stale() {
    return denials
        .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
        .toResponse();
  }
}
