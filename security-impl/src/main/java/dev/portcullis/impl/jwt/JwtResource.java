package dev.portcullis.impl.jwt;

import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /jwt} (Portcullis): a short-lived MicroProfile JWT access token for the signed-in
 * caller, for the services behind the application — {@code {access_token, token_type: "Bearer",
 * expires_in}} in the envelope. CSRF-checked for session callers like every unsafe request.
 */
@Path("jwt")
@RequestScoped
@Feature.Gated(Feature.JWT)
@AuthRequired
public class JwtResource {

  /** Registers this feature's flag ({@code security.jwt_enable}) with the gate. */
  @Produces
  static FeatureFlag flag(JwtConfig config) {
    return new FeatureFlag(Feature.JWT, config.enabled());
  }

  @Inject JwtTokens tokens;
  @Context HttpServletRequest request;

  /** Issues a token. */
  @POST
  public Response issue() {
    var user = Authentication.of(request).orElseThrow().user();
    JwtTokens.Issued issued = tokens.issue(user);
    return Envelope.ok(
        Jsons.object()
            .add("access_token", issued.token())
            .add("token_type", "Bearer")
            .add("expires_in", issued.expiresIn())
            .build());
  }
}
