package dev.portcullis.sample.support;

import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.Security;
import dev.portcullis.SecurityUser;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/**
 * Test-only endpoints (added to the WAR by the tests, never shipped) about who a request is: what
 * the Portcullis facade and the Jakarta {@link SecurityContext} see, and an application's own
 * programmatic sign-in through {@link SecurityContext#authenticate}.
 */
@Path("test-identity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentityTestResource {

  @Inject Security security;
  @Inject SecurityContext securityContext;
  @Inject UserStore users;
  @Inject PasswordConfig passwordConfig;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  /**
   * Creates a user whose password hash is bcrypt at cost 4: it verifies, and a successful check
   * re-hashes it at the configured cost, so a changed hash proves that a password was checked.
   */
  @POST
  @Path("users")
  public JsonObject create(
      @QueryParam("email") String email,
      @QueryParam("password") String password,
      @QueryParam("active") @jakarta.ws.rs.DefaultValue("true") boolean active,
      @QueryParam("confirmed") @jakarta.ws.rs.DefaultValue("true") boolean confirmed) {
    String hash = cheapHasher().hash(password);
    Instant confirmedAt = confirmed ? Instant.now() : null;
    users.create(new NewUser(email, null, hash, active, confirmedAt, Set.of("user")));
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Who this unannotated (public) endpoint sees. */
  @GET
  @Path("current")
  public JsonObject current() {
    return who().build();
  }

  /** Who an endpoint accepting HTTP Basic only sees. */
  @GET
  @Path("basic")
  @AuthRequired(mechanisms = Mechanism.BASIC)
  public JsonObject basic() {
    return who().build();
  }

  /** An application's own sign-in: {@code SecurityContext.authenticate} with a password. */
  @POST
  @Path("sign-in")
  public JsonObject signIn(
      @QueryParam("identity") String identity, @QueryParam("password") String password) {
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(identity, password)));
    return who().add("status", status.name()).build();
  }

  private JsonObjectBuilder who() {
    JsonObjectBuilder json = Json.createObjectBuilder();
    security
        .currentUser()
        .map(SecurityUser::email)
        .ifPresentOrElse(e -> json.add("user", e), () -> json.addNull("user"));
    Principal caller = securityContext.getCallerPrincipal();
    if (caller == null) {
      json.addNull("caller");
    } else {
      json.add("caller", caller.getName());
    }
    return json.add("admin", securityContext.isCallerInRole("admin"))
        .add("mechanism", security.currentMechanism().map(Enum::name).orElse(""))
        .add("session", request.getSession(false) != null);
  }

  private PasswordHasher cheapHasher() {
    PasswordConfig c = passwordConfig;
    return new PasswordHasher(
        new PasswordConfig(
            "bcrypt",
            c.passwordSalt(),
            c.singleHashSchemes(),
            c.schemes(),
            c.deprecatedSchemes(),
            4,
            c.argon2TimeCost(),
            c.argon2MemoryKib(),
            c.argon2Parallelism(),
            c.pbkdf2Rounds(),
            c.sha512CryptRounds(),
            c.normalizeForm(),
            c.lengthMin(),
            c.lengthMax()),
        new SecureRandom());
  }

  /**
   * Whether a {@code current} answer names no authenticated caller. Jakarta Security's {@code
   * getCallerPrincipal()} is null then on Payara and Open Liberty; WildFly (Elytron) names its
   * anonymous identity instead.
   */
  public static boolean noCaller(JsonObject current) {
    return current.isNull("caller") || "anonymous".equals(current.getString("caller"));
  }
}
