package dev.portcullis.impl.webauthn;

import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
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
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /wan-verify} and {@code POST /wan-verify/<state>} (Flask-Security {@code
 * wan_verify}, {@code wan_verify_response}, spec §1.2 #29, #30): re-authentication with one of the
 * caller's own keys, which refreshes the freshness of the caller's session (spec §7.8). The key
 * must belong to the caller (GHSA-f66q-9rf6-8795, which Flask-Security 5.4.3 lacks).
 */
@Path("wan-verify")
@RequestScoped
@AuthRequired
@Feature.Gated(Feature.WEBAUTHN_VERIFY)
public class WanVerifyResource {

  @Inject WanAssertions assertions;
  @Inject WanReplies answers;
  @Inject WebAuthnConfig config;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject Replies reply;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** A CSRF token; browsers go to the page. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.verifyTemplate());
    }
    return reply.csrfToken(request);
  }

  /** Request options with the caller's keys. */
  @POST
  public Response post(FormData data) {
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    return answers.started(
        assertions.startVerify(caller(), rp.get()),
        Jsons.object(),
        request,
        config.verifyTemplate());
  }

  /** The browser's {@code credential} for {@code state}: checked, then the session is fresh. */
  @POST
  @Path("{state}")
  public Response finish(@PathParam("state") String state, FormData data) {
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    UserRecord user = caller();
    WanAssertions.Checked checked =
        assertions.finish(
            state,
            WanState.Ceremony.VERIFY,
            Optional.of(user),
            data.string("credential").asOptional(),
            rp.get());
    if (checked instanceof WanAssertions.Checked.Refused no) {
      return answers.refused(
          request, "credential", no.messageKey(), no.args(), config.verifyTemplate());
    }
    signIn.reauthenticated(user, request);
    if (WantJson.test(request)) {
      return replies.user(user, request);
    }
    Optional<String> next =
        redirects.validate(uri.getQueryParameters().getFirst("next"), uri.getBaseUri().getHost());
    answers.flashed(request, "REAUTHENTICATION_SUCCESSFUL", Map.of(), config.verifyTemplate());
    return next.isPresent()
        ? Views.redirectTo(next.get())
        : Views.redirectToView(request, views.postVerifyView().orElse(views.postLoginView()));
  }

  private UserRecord caller() {
    return Authentication.of(request).orElseThrow().user();
  }
}
