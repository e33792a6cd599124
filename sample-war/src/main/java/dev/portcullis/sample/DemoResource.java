package dev.portcullis.sample;

import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.PermissionsRequired;
import dev.portcullis.RolesRequired;
import dev.portcullis.Security;
import dev.portcullis.SecurityUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The sample's own endpoints, one per kind of protection. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

  @Inject Security security;

  /** Open to everyone. */
  @GET
  @Path("public")
  public JsonObject open() {
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Any signed-in caller: auth token, session or HTTP Basic. */
  @GET
  @Path("whoami")
  @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.SESSION, Mechanism.BASIC})
  public JsonObject whoami() {
    return Json.createObjectBuilder()
        .add("email", security.currentUser().map(SecurityUser::email).orElseThrow())
        .build();
  }

  /** Role {@code admin} only. */
  @GET
  @Path("admin")
  @AuthRequired
  @RolesRequired("admin")
  public JsonObject admin() {
    return Json.createObjectBuilder().add("admin", true).build();
  }

  /** Permission {@code user-read} only. */
  @GET
  @Path("user-read")
  @AuthRequired
  @PermissionsRequired("user-read")
  public JsonObject userRead() {
    return Json.createObjectBuilder().add("read", true).build();
  }
}
