package dev.portcullis.impl.jwt;

import dev.portcullis.impl.feature.Feature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /jwks} (Portcullis): the public keys of the access tokens as a JWK Set (RFC 7517 §5),
 * unwrapped, as {@code mp.jwt.verify.publickey.location} of a consuming service expects it.
 */
@Path("jwks")
@RequestScoped
@Feature.Gated(Feature.JWT)
public class JwksResource {

  @Inject JwtTokens tokens;

  /** The JWK Set. */
  @GET
  public Response keys() {
    return Response.ok(tokens.publicJwks(), "application/json").build();
  }
}
