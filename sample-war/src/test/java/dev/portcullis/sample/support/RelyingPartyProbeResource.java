package dev.portcullis.sample.support;

import dev.portcullis.impl.webauthn.AssertionOutcome;
import dev.portcullis.impl.webauthn.Expectations;
import dev.portcullis.impl.webauthn.RegistrationOutcome;
import dev.portcullis.impl.webauthn.RelyingParty;
import dev.portcullis.impl.webauthn.StoredCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.Set;

/**
 * Test-only (never shipped): runs the server's {@link RelyingParty} — the relocated webauthn4j
 * inside {@code security-webauthn4j} — on what the test's software authenticator produced, so an IT
 * proves the library loads and verifies on the server as deployed, with no class-loading setting.
 * Bodies: {@code credential} (the browser JSON string), {@code rp_id}, {@code origin}, {@code
 * challenge} (base64url), {@code uv}; for assertions also {@code credential_id}, {@code public_key}
 * (base64url) and {@code sign_count}.
 */
@Path("test-webauthn")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelyingPartyProbeResource {

  private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

  @Inject RelyingParty relyingParty;

  @POST
  @Path("register")
  public JsonObject register(JsonObject body) {
    RegistrationOutcome outcome =
        relyingParty.verifyRegistration(body.getString("credential"), expectations(body));
    if (outcome instanceof RegistrationOutcome.Verified v) {
      return Json.createObjectBuilder()
          .add("outcome", "verified")
          .add("credential_id", B64U.encodeToString(v.credentialId()))
          .add("public_key", B64U.encodeToString(v.publicKey()))
          .add("sign_count", v.signCount())
          .add("user_verified", v.userVerified())
          .add("discoverable", v.discoverable().orElse(false))
          .add("transports", Json.createArrayBuilder(v.transports()))
          .build();
    }
    RegistrationOutcome.Refused r = (RegistrationOutcome.Refused) outcome;
    return refused(r.messageKey(), r.cause());
  }

  @POST
  @Path("assert")
  public JsonObject authenticate(JsonObject body) {
    StoredCredential stored =
        new StoredCredential(
            decode(body.getString("credential_id")),
            decode(body.getString("public_key")),
            body.getJsonNumber("sign_count").longValue());
    AssertionOutcome outcome =
        relyingParty.verifyAssertion(body.getString("credential"), stored, expectations(body));
    JsonObjectBuilder reply = Json.createObjectBuilder();
    if (outcome instanceof AssertionOutcome.Verified v) {
      return reply.add("outcome", "verified").add("sign_count", v.signCount()).build();
    }
    if (outcome instanceof AssertionOutcome.CounterRegressed c) {
      return reply.add("outcome", "regressed").add("received", c.receivedCount()).build();
    }
    AssertionOutcome.Refused r = (AssertionOutcome.Refused) outcome;
    return refused(r.messageKey(), r.cause());
  }

  /** Whether the original (not relocated) library classes are visible to the application. */
  @GET
  @Path("originals")
  public JsonObject originals() {
    return Json.createObjectBuilder()
        .add("com.webauthn4j.WebAuthnManager", visible("com.webauthn4j.WebAuthnManager"))
        .add("implementation", relyingParty.getClass().getName())
        .build();
  }

  private static boolean visible(String name) {
    try {
      Class.forName(name, false, RelyingPartyProbeResource.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Expectations expectations(JsonObject body) {
    return new Expectations(
        body.getString("rp_id"),
        Set.of(body.getString("origin")),
        decode(body.getString("challenge")),
        body.getBoolean("uv", false));
  }

  private static JsonObject refused(String key, String cause) {
    return Json.createObjectBuilder()
        .add("outcome", "refused")
        .add("message_key", key)
        .add("cause", cause)
        .build();
  }

  private static byte[] decode(String text) {
    return Base64.getUrlDecoder().decode(text);
  }
}
