package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.RelyingPartyProbeResource;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.test.SoftAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WebAuthn's library as deployed (issue 9, item 5): the sample WAR, unchanged server settings, and
 * the relocated webauthn4j in {@code security-webauthn4j} verifying a real registration and
 * assertion from a software authenticator inside the server. Runs on Payara Micro and on WildFly
 * ({@code -Dit.server=wildfly}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAuthnLibraryIT {

  private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
  private static final String RP_ID = "localhost";
  private static final String ORIGIN = "http://localhost:8080";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withTestSupport().addClass(RelyingPartyProbeResource.class);
  }

  @ArquillianResource URL base;
  ApiClient client;
  SoftAuthenticator key;

  @BeforeEach
  void newClientAndKey() {
    client = new ApiClient(base);
    key = new SoftAuthenticator().transports(List.of("usb", "hybrid"));
  }

  @Test
  void registerThenAssertWhenInTheServerThenVerifiedAndTheCounterRuleHolds() {
    byte[] challenge = challenge();
    String created = key.create(RP_ID, ORIGIN, challenge, "user-handle-1".getBytes());

    JsonObject registered = call("register", created, challenge, true, null);

    assertThat(registered.getString("outcome")).isEqualTo("verified");
    assertThat(registered.getString("credential_id")).isEqualTo(key.credentialIdBase64Url());
    assertThat(registered.getString("public_key"))
        .isEqualTo(B64U.encodeToString(key.cosePublicKey()));
    assertThat(registered.getBoolean("discoverable")).isTrue();
    assertThat(registered.getJsonArray("transports").toString()).isEqualTo("[\"usb\",\"hybrid\"]");

    byte[] second = challenge();
    JsonObject asserted = call("assert", key.get(RP_ID, ORIGIN, second), second, true, registered);
    assertThat(asserted.getString("outcome")).isEqualTo("verified");
    assertThat(asserted.getInt("sign_count")).isEqualTo(1);

    key.counter(0);
    byte[] third = challenge();
    JsonObject cloned =
        call("assert", key.get(RP_ID, ORIGIN, third), third, false, withCount(registered, 1));
    assertThat(cloned.getString("outcome")).isEqualTo("regressed");
  }

  @Test
  void verifyWhenPhishingOriginOrReplayThenRefusedWithFlasksKey() {
    byte[] challenge = challenge();
    JsonObject registered =
        call(
            "register",
            key.create(RP_ID, ORIGIN, challenge, new byte[] {1}),
            challenge,
            false,
            null);

    byte[] next = challenge();
    String phished = key.get(RP_ID, "http://localhost.evil:8080", next);
    JsonObject refused = call("assert", phished, next, false, registered);
    assertThat(refused.getString("message_key")).isEqualTo("WEBAUTHN_NO_VERIFY");
    assertThat(refused.getString("cause")).isEqualTo("origin mismatch");

    String used = key.get(RP_ID, ORIGIN, next);
    assertThat(call("assert", used, next, false, registered).getString("outcome"))
        .isEqualTo("verified");
    JsonObject replayed = call("assert", used, challenge(), false, registered);
    assertThat(replayed.getString("cause")).isEqualTo("challenge mismatch");

    JsonObject malformed = call("register", "{\"id\":", challenge, false, null);
    assertThat(malformed.getString("message_key")).isEqualTo("API_ERROR");
  }

  @Test
  void deployedWarWhenInspectedThenOnlyTheRelocatedLibraryIsThere() throws IOException {
    JsonObject originals = client.get("api/test-webauthn/originals").json();
    assertThat(originals.getBoolean("com.webauthn4j.WebAuthnManager")).isFalse();
    assertThat(originals.getString("implementation")).contains("Webauthn4jRelyingParty");

    try (ZipFile war = new ZipFile("target/sample.war")) {
      List<String> libs =
          war.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
      assertThat(libs).anyMatch(n -> n.contains("security-webauthn4j-"));
      assertThat(libs)
          .noneMatch(n -> n.contains("webauthn4j-core"))
          .noneMatch(n -> n.contains("jackson-databind-3"))
          .noneMatch(n -> n.contains("jackson-annotations-2.2"));
    }
  }

  private JsonObject call(
      String step, String credential, byte[] challenge, boolean uv, JsonObject stored) {
    var body =
        Json.createObjectBuilder()
            .add("credential", credential)
            .add("rp_id", RP_ID)
            .add("origin", ORIGIN)
            .add("challenge", B64U.encodeToString(challenge))
            .add("uv", uv);
    if (stored != null) {
      body.add("credential_id", stored.getString("credential_id"))
          .add("public_key", stored.getString("public_key"))
          .add("sign_count", stored.getJsonNumber("sign_count"));
    }
    ApiClient.Reply reply = client.postJson("api/test-webauthn/" + step, body.build());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonObject withCount(JsonObject stored, long count) {
    return Json.createObjectBuilder(stored).add("sign_count", count).build();
  }

  /** Flask's challenge: the ASCII bytes of 43 URL-safe characters (spec §5.9). */
  private static byte[] challenge() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return B64U.encodeToString(random).getBytes(StandardCharsets.US_ASCII);
  }
}
