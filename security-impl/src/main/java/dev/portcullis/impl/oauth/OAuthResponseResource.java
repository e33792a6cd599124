package dev.portcullis.impl.oauth;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /login/oauthresponse/<name>} (Flask-Security {@code oauth_glue.oauthresponse}, spec
 * §1.2 #32): the provider's redirect back. The authorization in the browser's {@code fs_oauth}
 * cookie is used once and deleted, whatever the outcome; its {@code state} must match. No CSRF
 * token: the {@code state} is the protection of this link.
 */
@Path("login/oauthresponse/{name}")
@RequestScoped
@Feature.Gated(Feature.OAUTH)
public class OAuthResponseResource {

  private static final List<String> PARAMETERS =
      List.of("code", "state", "error", "error_description");

  @Inject OAuthService service;
  @Inject OAuthStates states;
  @Inject OAuthReplies replies;
  @Inject SignIn signIn;
  @Inject Messages messages;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** Completes the sign-in. */
  @GET
  public Response answer(@PathParam("name") String name) {
    Optional<OAuthProvider> provider = service.provider(name);
    if (provider.isEmpty()) {
      return Envelope.of(404, Envelope.errors(List.of(messages.text("NOT_FOUND"))));
    }
    Optional<OAuthAuthorization> started = states.read(request);
    response.addCookie(states.cleared(request));
    OAuthResult result = service.finish(provider.get(), started, parameters());
    boolean json = WantJson.test(request);
    if (result instanceof OAuthResult.Failed failed) {
      return replies.failed(failed, json, request, 400);
    }
    OAuthResult.Authenticated authenticated = (OAuthResult.Authenticated) result;
    SignInResult signedIn = signIn.complete(authenticated.primary(), request, response);
    return replies.completed(signedIn, authenticated.next(), json, request);
  }

  /** The answer's OAuth parameters, each given once at most (a repeated one counts as absent). */
  private Map<String, String> parameters() {
    Map<String, String> answer = new HashMap<>();
    for (String parameter : PARAMETERS) {
      List<String> values = uri.getQueryParameters().get(parameter);
      if (values != null && values.size() == 1) {
        answer.put(parameter, values.get(0));
      }
    }
    return answer;
  }
}
