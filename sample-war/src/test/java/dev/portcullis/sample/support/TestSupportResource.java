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
import java.time.Instant;
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
  @Inject dev.portcullis.impl.signin.SignIn signIn;
  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request;
  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletResponse response;

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

  /**
   * Creates an active user with a confirmed email, as the seeded ones (the sample is confirmable).
   */
  @POST
  @Path("users")
  public JsonObject create(@QueryParam("email") String email, @QueryParam("hash") String hash) {
    users.create(new NewUser(email, null, hash, true, Instant.now(), Set.of("user")));
    return Json.createObjectBuilder().add("ok", true).build();
  }

  @GET
  @Path("users/{email}")
  public JsonObject read(@PathParam("email") String email) {
    UserRecord user = find(email);
    return Json.createObjectBuilder()
        .add("login_count", user.loginCount())
        .add("current_login_ip", String.valueOf(user.currentLoginIp()))
        .add("password", String.valueOf(user.password()))
        .add("active", user.active())
        .add("tf_primary_method", String.valueOf(user.tfPrimaryMethod()))
        .add("tf_totp_secret", String.valueOf(user.tfTotpSecret()))
        .add("tf_phone_number", String.valueOf(user.tfPhoneNumber()))
        .add("mf_recovery_codes", String.join(",", user.mfRecoveryCodes()))
        .add("fs_uniquifier", user.fsUniquifier())
        .add("us_totp_secrets", String.valueOf(user.usTotpSecrets()))
        .add("us_phone_number", String.valueOf(user.usPhoneNumber()))
        .build();
  }

  /** Removes the user's password: a user who signs in by codes only. */
  @POST
  @Path("users/{email}/password-less")
  public JsonObject passwordLess(@PathParam("email") String email) {
    users.setPassword(find(email).id(), null);
    return Json.createObjectBuilder().add("ok", true).build();
  }

  @Inject dev.portcullis.impl.twofactor.TwoFactorStore twoFactor;
  @Inject dev.portcullis.impl.recoverycodes.RecoveryCodeStore recoveryCodes;

  /**
   * Stores a second factor as a Flask-Security database holds it (method, secret as written by
   * passlib, phone), with no step used yet: data imported from Flask.
   */
  @POST
  @Path("users/{email}/two-factor")
  public JsonObject setTwoFactor(
      @PathParam("email") String email,
      @QueryParam("method") String method,
      @QueryParam("secret") String secret,
      @QueryParam("phone") String phone) {
    twoFactor.setUp(find(email).id(), method, secret, phone, -1);
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Stores the {@code mf_recovery_codes} column as Flask-Security wrote it. */
  @POST
  @Path("users/{email}/recovery-codes")
  public JsonObject setRecoveryCodes(
      @PathParam("email") String email, @QueryParam("column") String column) {
    recoveryCodes.replace(find(email).id(), java.util.List.of(column.split(",")));
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /**
   * Gives the user a role, as {@code roles add} on the command line runs it (through the store).
   */
  @POST
  @Path("users/{email}/roles/{role}")
  public JsonObject addRole(@PathParam("email") String email, @PathParam("role") String role) {
    users.addRole(find(email).id(), role);
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Takes a role away, as {@code roles remove} on the command line runs it (through the store). */
  @POST
  @Path("users/{email}/roles/{role}/remove")
  public JsonObject removeRole(@PathParam("email") String email, @PathParam("role") String role) {
    users.removeRole(find(email).id(), role);
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /**
   * Deactivates the user in plain SQL, past JPA: what this node sees when another node,
   * Flask-Security or the command line changes the row (no entity listener hears of it here).
   */
  @POST
  @Path("users/{email}/deactivate-elsewhere")
  @jakarta.transaction.Transactional
  public JsonObject deactivateElsewhere(@PathParam("email") String email) {
    int rows =
        em.createNativeQuery("UPDATE fs_user SET active = ?1 WHERE id = ?2")
            .setParameter(1, false)
            .setParameter(2, find(email).id())
            .executeUpdate();
    return Json.createObjectBuilder().add("rows", rows).build();
  }

  /** Flask's {@code reset_user_access}, as {@code users reset_access} runs it. */
  @POST
  @Path("users/{email}/reset-access")
  public JsonObject resetAccess(@PathParam("email") String email) {
    users.resetAccess(find(email).id());
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** An unsafe endpoint for CSRF checks: session/Basic callers need a token, token callers not. */
  @POST
  @Path("echo")
  @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.SESSION, Mechanism.BASIC})
  public JsonObject echo() {
    return Json.createObjectBuilder().add("echo", true).build();
  }

  @jakarta.persistence.PersistenceContext(unitName = "portcullis")
  jakarta.persistence.EntityManager em;

  /**
   * The number of users and a SHA-256 over every column of every row of {@code fs_user} in id
   * order, so a test can tell that a batch of requests changed no user.
   */
  @GET
  @Path("users-checksum")
  public JsonObject usersChecksum() throws java.security.NoSuchAlgorithmException {
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    java.util.List<?> rows =
        em.createNativeQuery("SELECT * FROM fs_user ORDER BY id").getResultList();
    for (Object row : rows) {
      Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
      digest.update(
          java.util.Arrays.deepToString(columns).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return Json.createObjectBuilder()
        .add("count", rows.size())
        .add("checksum", java.util.HexFormat.of().formatHex(digest.digest()))
        .build();
  }

  @Inject dev.portcullis.impl.twofactor.StandInSendKeys standIns;

  /**
   * Code sends counted in the running period: {@code user} for the user of {@code email} (its row
   * of {@code fs_mf_code_send}), {@code stand_in} for a stand-in of the typed {@code identity} (its
   * counter in {@code fs_mf_address_send}), 0 where there is no row.
   */
  @GET
  @Path("code-sends")
  public JsonObject codeSends(
      @QueryParam("email") String email, @QueryParam("identity") String identity) {
    var result = Json.createObjectBuilder();
    if (email != null) {
      result.add("user", sent("fs_mf_code_send", "user_id", find(email).id()));
    }
    if (identity != null) {
      String counter = standIns.of("email", identity).counter();
      result.add("stand_in", sent("fs_mf_address_send", "address", counter));
    }
    return result.build();
  }

  private int sent(String table, String keyColumn, Object key) {
    java.util.List<?> rows =
        em.createNativeQuery("SELECT sent FROM " + table + " WHERE " + keyColumn + " = ?1")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
  }

  @Inject EventRecorder recorder;

  @GET
  @Path("events")
  public JsonObject events() {
    var array = Json.createArrayBuilder();
    recorder.events().forEach(array::add);
    return Json.createObjectBuilder().add("events", array).build();
  }

  @POST
  @Path("clock")
  public JsonObject moveClock(
      @QueryParam("seconds") long seconds, @QueryParam("freeze") boolean freeze) {
    if (freeze) {
      MovableClock.freeze();
    } else if (seconds == 0) {
      MovableClock.reset();
    } else {
      MovableClock.move(java.time.Duration.ofSeconds(seconds));
    }
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Standard Jakarta authorization: role names are the caller's groups. */
  @GET
  @Path("roles-allowed")
  @jakarta.annotation.security.RolesAllowed("admin")
  public JsonObject rolesAllowed() {
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /** Freshness: the last primary authentication must be under a minute old (or in grace). */
  @GET
  @Path("fresh")
  @AuthRequired(within = 1, grace = 0)
  public JsonObject fresh() {
    return Json.createObjectBuilder().add("ok", true).build();
  }

  /**
   * Passes the {@link TestSecondFactor} of the sign-in pending on this session: 200 and signed in,
   * or 400 when nothing (valid) is pending here.
   */
  @POST
  @Path("second-factor")
  public jakarta.ws.rs.core.Response passSecondFactor() {
    var pending = signIn.pending(request);
    if (pending.isEmpty()) {
      return jakarta.ws.rs.core.Response.status(400).entity("{}").build();
    }
    signIn.completeSecondFactor(pending.get(), request, response);
    return jakarta.ws.rs.core.Response.ok(
            Json.createObjectBuilder().add("email", pending.get().user().email()).build())
        .build();
  }

  /** The number of live HTTP sessions ({@link SessionCounter}). */
  @GET
  @Path("sessions")
  public JsonObject sessions() {
    return Json.createObjectBuilder().add("live", SessionCounter.live()).build();
  }

  private UserRecord find(String email) {
    // 404, not a logged 500: tests ask whether a user (still) has an email.
    return users
        .findByIdentity(IdentityAttribute.EMAIL, email, true)
        .orElseThrow(() -> new jakarta.ws.rs.NotFoundException());
  }
}
