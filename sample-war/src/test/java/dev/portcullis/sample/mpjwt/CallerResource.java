package dev.portcullis.sample.mpjwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who called, as the verified token says; only for callers in group {@code user}. */
@Path("caller")
@RequestScoped
public class CallerResource {

  @Inject JsonWebToken token;

  @GET
  @RolesAllowed("user")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject caller() {
    var groups = Json.createArrayBuilder();
    token.getGroups().stream().sorted().forEach(groups::add);
    return Json.createObjectBuilder()
        .add("upn", token.getName())
        .add("sub", token.getSubject())
        .add("groups", groups)
        .build();
  }
}
