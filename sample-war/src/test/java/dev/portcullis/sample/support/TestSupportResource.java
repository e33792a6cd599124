package dev.portcullis.sample.support;

import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Test-only endpoints (added to the WAR by the tests, never shipped) to arrange state a black-box
 * test cannot reach through the public API, and to read what was stored.
 */
@Path("test-support")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSupportResource {

  @Inject UserStore users;

  @POST
  @Path("users/{email}/active/{active}")
  public JsonObject setActive(
      @PathParam("email") String email, @PathParam("active") boolean active) {
    UserRecord user = find(email);
    users.setActive(user.id(), active);
    return Json.createObjectBuilder().add("ok", true).build();
  }

  @POST
  @Path("users/{email}/rotate")
  public JsonObject rotate(@PathParam("email") String email) {
    users.rotateUniquifier(find(email).id());
    return Json.createObjectBuilder().add("ok", true).build();
  }

  @POST
  @Path("users")
  public JsonObject create(@QueryParam("email") String email, @QueryParam("hash") String hash) {
    users.create(new NewUser(email, null, hash, true, null, Set.of("user")));
    return Json.createObjectBuilder().add("ok", true).build();
  }

  @GET
  @Path("users/{email}")
  public JsonObject read(@PathParam("email") String email) {
    UserRecord user = find(email);
    return Json.createObjectBuilder()
        .add("login_count", user.loginCount())
        .add("current_login_ip", String.valueOf(user.currentLoginIp()))
        .add("password", user.password())
        .add("active", user.active())
        .build();
  }

  /** An unsafe endpoint for CSRF checks: session/Basic callers need a token, token callers not. */
  @POST
  @Path("echo")
  @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.SESSION, Mechanism.BASIC})
  public JsonObject echo() {
    return Json.createObjectBuilder().add("echo", true).build();
  }

  private UserRecord find(String email) {
    return users.findByIdentity(IdentityAttribute.EMAIL, email, true).orElseThrow();
  }
}
