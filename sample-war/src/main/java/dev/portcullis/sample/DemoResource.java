package dev.portcullis.sample;

import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.PermissionsRequired;
import dev.portcullis.RolesRequired;
import dev.portcullis.Security;
import dev.portcullis.SecurityUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The sample's own endpoints, one per kind of protection.
 *
 * <p>One instance for the application: it keeps no per-request state (the caller comes from {@link
 * Security}), and a {@code @RequestScoped} resource costs the creation of the bean and of its
 * access-check interceptors on every request (about a seventh of a token-authenticated GET on
 * Payara, measured with bench/auth-cost.sh and JFR).
 */
@Path("")
@ApplicationScoped
public class DemoResource {

  /** Built once: each Json.createXxx() call looks the JSON-P provider up again (slow). */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject Security security;

  /** Open to everyone. */
  @GET
  @Path("public")
  public Response open() {
    return json(JSON.createObjectBuilder().add("ok", true).build());
  }

  /** Any signed-in caller: auth token, session or HTTP Basic. */
  @GET
  @Path("whoami")
  @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.SESSION, Mechanism.BASIC})
  public Response whoami() {
    return json(
        JSON.createObjectBuilder()
            .add("email", security.currentUser().map(SecurityUser::email).orElseThrow())
            .build());
  }

  /** Role {@code admin} only. */
  @GET
  @Path("admin")
  @AuthRequired
  @RolesRequired("admin")
  public Response admin() {
    return json(JSON.createObjectBuilder().add("admin", true).build());
  }

  /** Permission {@code user-read} only. */
  @GET
  @Path("user-read")
  @AuthRequired
  @PermissionsRequired("user-read")
  public Response userRead() {
    return json(JSON.createObjectBuilder().add("read", true).build());
  }

  /** JSON whatever the Accept header says, so browsers reach the security checks, not a 406. */
  private static Response json(JsonObject body) {
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
