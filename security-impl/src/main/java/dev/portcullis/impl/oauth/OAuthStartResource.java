package dev.portcullis.impl.oauth;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/oauthstart/<name>} (Flask-Security {@code oauth_glue.oauthstart}, spec §1.2
 * #31): 302 to the provider's authorization URL, the authorization kept in the browser's {@code
 * fs_oauth} cookie. Unknown provider → 404. CSRF-checked like the login itself, so a site cannot
 * start a sign-in in a visitor's browser. The callback URL is built from {@code
 * security.external_base_url} or a host listed in {@code security.trusted_hosts}, never from an
 * unchecked {@code Host}.
 */
@Path("login/oauthstart/{name}")
@RequestScoped
@Feature.Gated(Feature.OAUTH)
@AnonymousRequired
public class OAuthStartResource {

  /** Registers this feature's flag ({@code security.oauth_enable}) with the gate. */
  @Produces
  static FeatureFlag flag(OAuthConfig config) {
    return new FeatureFlag(Feature.OAUTH, config.enabled());
  }

  @Inject OAuthService service;
  @Inject OAuthStates states;
  @Inject OAuthReplies replies;
  @Inject MailLinks links;
  @Inject Redirects redirects;
  @Inject Messages messages;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** Sends the browser to the provider. */
  @POST
  @UnauthCsrf
  public Response start(@PathParam("name") String name, FormData data) {
    Optional<OAuthProvider> provider = service.provider(name);
    if (provider.isEmpty()) {
      return Envelope.of(404, Envelope.errors(List.of(messages.text("NOT_FOUND"))));
    }
    boolean json = WantJson.test(request);
    var base = links.of(uri);
    if (base.isEmpty()) {
      // Its own wording: the mail links' UNTRUSTED_HOST speaks of a link not mailed.
      return replies.failed(
          new OAuthResult.Failed("OAUTH_UNTRUSTED_HOST", Map.of()), json, request, 400);
    }
    URI callback = URI.create(base.get().apply("login/oauthresponse/" + name));
    ProviderAnswer answer = service.start(provider.get(), callback, next());
    if (answer instanceof ProviderAnswer.Failed failed) {
      return replies.failed(OAuthResult.Failed.handshake(failed.error()), json, request, 400);
    }
    ProviderAnswer.Redirect redirect = (ProviderAnswer.Redirect) answer;
    response.addCookie(states.save(request, redirect.authorization()));
    return Response.status(302).location(redirect.location()).build();
  }

  /** The query's {@code next} when it is a safe target; anything else is dropped. */
  private Optional<String> next() {
    String next = uri.getQueryParameters().getFirst("next");
    if (next == null || next.isEmpty()) {
      return Optional.empty();
    }
    return redirects.validate(next, uri.getBaseUri().getHost());
  }
}
