package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.FlaskDatabase;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.WebAuthnClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample deployed, unchanged but for its data source and three settings ({@code
 * security.datastore_schema=fsqla_v3} and Flask's secret key and salt), on a database the real
 * Flask-Security wrote ({@link FlaskDatabase}): on start Portcullis adopts Flask's tables (and the
 * sample seeds its demo users into them); then Flask's users sign in through the JSON API, Flask's
 * auth tokens and remember-me cookies authenticate requests through Portcullis' mechanism, roles
 * and permissions guard the sample's endpoints as before; and Flask-Security, run against the
 * database afterwards, signs in the users Portcullis created, sees Portcullis' login tracking and
 * creates a user that Portcullis then signs in; a WebAuthn key stored through Flask-Security's own
 * model and datastore signs in through Portcullis, and Flask reads its use back. One subclass (and
 * deployment) per database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class AbstractFlaskAdoptionIT {

  static final String JSON = "application/json";
  static final String ORIGIN = "http://localhost:8080";
  static FlaskDatabase flask;

  @ArquillianResource URL base;
  ApiClient client;

  /** Loads the fixture, then the sample on it, with Flask's secret key and password salt. */
  static WebArchive deployment(FlaskDatabase.Kind kind, Class<?> dataSource) {
    flask = FlaskDatabase.load(kind);
    String settings =
        String.join(
            "\n",
            "security.datastore_schema=fsqla_v3",
            "security.secret_key=" + flask.secretKey(),
            "security.password_salt=" + flask.passwordSalt(),
            // Keys Flask-Security stored, on the RP ID and origin the test's authenticator uses.
            "security.webauthn=true",
            "security.wan_rp_id=localhost",
            "security.wan_origins=" + ORIGIN,
            // Re-hashes are written at the default cost, which Flask-Security reads back.
            SampleDeployment.DEFAULT_HASH_COST);
    WebArchive war =
        SampleDeployment.withConfiguration(SampleDeployment.sampleConfiguration() + settings);
    war.deleteClass(SampleDataSource.class);
    return war.addClass(dataSource);
  }

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
  }

  @Test
  void loginWhenFlaskPasswordThenSignedInWithItsRolesAndOnlyTheOldSchemeRehashed() {
    String annHash = flask.userColumn("ann@example.com", "password").orElseThrow();
    assertThat(flask.userColumn("bob@example.com", "password").orElseThrow())
        .startsWith("$pbkdf2-sha512$");

    Reply ann = client.login("ann@example.com", flask.issued("ann@example.com", "password"), "");

    assertThat(ann.status()).isEqualTo(200);
    assertThat(whoami(client)).isEqualTo("ann@example.com");
    assertThat(client.get("api/admin", "Accept", JSON).status()).isEqualTo(200);
    assertThat(client.get("api/user-read", "Accept", JSON).status()).isEqualTo(200);
    assertThat(flask.userColumn("ann@example.com", "password")).contains(annHash);
    ApiClient bob = new ApiClient(base);
    assertThat(
            bob.login("bob@example.com", flask.issued("bob@example.com", "password"), "").status())
        .isEqualTo(200);
    assertThat(bob.get("api/admin", "Accept", JSON).status()).isEqualTo(403);
    assertThat(flask.userColumn("bob@example.com", "password").orElseThrow()).startsWith("$2b$12$");
    ApiClient fay = new ApiClient(base);
    assertThat(
            fay.login("fay@example.com", flask.issued("Fay@example.com", "password"), "").status())
        .isEqualTo(200);
    assertThat(new ApiClient(base).login("ann@example.com", "not-her-password", "").status())
        .isEqualTo(400);
  }

  @Test
  void authTokenWhenIssuedByFlaskThenAcceptedForItsActiveUserOnly() {
    String annToken = flask.issued("ann@example.com", "auth_token");
    String danToken = flask.issued("dan@example.com", "auth_token");

    Reply ann = client.get("api/whoami", "Authentication-Token", annToken, "Accept", JSON);
    Reply admin = client.get("api/admin", "Authentication-Token", annToken, "Accept", JSON);
    Reply dan = client.get("api/whoami", "Authentication-Token", danToken, "Accept", JSON);

    assertThat(ann.status()).isEqualTo(200);
    assertThat(ann.json().getString("email")).isEqualTo("ann@example.com");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(dan.status()).isEqualTo(401);
  }

  @Test
  void rememberCookieWhenIssuedByFlaskThenSignsItsActiveUserIn() {
    String annCookie = flask.issued("ann@example.com", "remember_cookie");
    String danCookie = flask.issued("dan@example.com", "remember_cookie");

    Reply ann = client.get("api/whoami", "Accept", JSON, "Cookie", "remember_token=" + annCookie);
    Reply dan =
        new ApiClient(base)
            .get("api/whoami", "Accept", JSON, "Cookie", "remember_token=" + danCookie);

    assertThat(ann.status()).isEqualTo(200);
    assertThat(ann.json().getString("email")).isEqualTo("ann@example.com");
    assertThat(whoami(client)).as("the session the cookie started").isEqualTo("ann@example.com");
    assertThat(dan.status()).isEqualTo(401);
  }

  @Test
  void flaskSecurityWhenRunOnTheDatabasePortcullisWroteThenStillWorks() throws Exception {
    String sampleAdminId = flask.userColumn("admin@example.com", "id").orElseThrow();
    assertThat(Integer.parseInt(sampleAdminId)).as("after Flask's ids").isGreaterThan(6);
    String fay = flask.issued("Fay@example.com", "password");
    assertThat(client.login("Fay@example.com", fay, "").status()).isEqualTo(200);
    String unavailable = FlaskDatabase.flaskUnavailable();
    assumeTrue(unavailable == null, () -> "Flask-Security step skipped: " + unavailable);

    JsonObject report =
        flask.flaskCheck(
            Json.createObjectBuilder()
                .add("users", Json.createArrayBuilder().add("Fay@example.com"))
                .add(
                    "sign_in",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("email", "admin@example.com")
                                .add("password", "Password123!")))
                .add(
                    "create",
                    Json.createObjectBuilder()
                        .add("email", "flo@example.com")
                        .add("password", "Flo-Password-2025")
                        .add("roles", Json.createArrayBuilder().add("user"))
                        .add("confirmed", true))
                .build());

    JsonObject fayRow = report.getJsonObject("users").getJsonObject("Fay@example.com");
    assertThat(fayRow.getInt("login_count")).isPositive();
    assertThat(fayRow.getString("current_login_ip")).isNotBlank();
    JsonObject admin = report.getJsonArray("sign_in").getJsonObject(0);
    assertThat(admin.getInt("status")).isEqualTo(200);
    assertThat(
            admin.getJsonObject("whoami").getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly("admin");
    int floId = report.getJsonObject("create").getInt("id");
    assertThat(floId).isGreaterThan(Integer.parseInt(sampleAdminId));
    ApiClient flo = new ApiClient(base);
    assertThat(flo.login("flo@example.com", "Flo-Password-2025", "").status()).isEqualTo(200);
    assertThat(flo.get("api/user-read", "Accept", JSON).status()).isEqualTo(200);
  }

  /**
   * A passkey as Flask-Security's {@code wan_register_response} stores it ({@code
   * datastore.create_webauthn} on the fsqla_v3 {@code WebAuthn} model: raw credential id, COSE_Key
   * public key, transports as Flask's comma-separated list, the credProps extension JSON), for a
   * user whose {@code fs_webauthn_user_handle} Flask set: Portcullis offers it for the identity
   * hint, lists it, signs its owner in with it alone, and Flask reads the new counter back. The key
   * is written by Flask's model directly: Flask's WebAuthn views need py_webauthn, which Debian
   * does not package.
   */
  @Test
  void webauthnKeyWhenStoredThroughFlasksModelThenSignsInThroughPortcullis() throws Exception {
    String unavailable = FlaskDatabase.flaskUnavailable();
    assumeTrue(unavailable == null, () -> "Flask-Security step skipped: " + unavailable);
    WebAuthnClient device = new WebAuthnClient(ORIGIN);
    device.authenticator().transports(java.util.List.of("usb", "nfc"));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    JsonObject stored =
        flask.flaskCheck(
            Json.createObjectBuilder()
                .add(
                    "webauthn_create",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("email", "bob@example.com")
                                .add("name", "Flask passkey")
                                .add("usage", "first")
                                .add("credential_id", device.credentialId())
                                .add(
                                    "public_key",
                                    b64.encodeToString(device.authenticator().cosePublicKey()))
                                .add("sign_count", 0)
                                .add("transports", Json.createArrayBuilder().add("usb").add("nfc"))
                                .add("backup_state", false)
                                .add("device_type", "single_device")
                                .add("extensions", "{\"credProps\": {\"rk\": true}}")))
                .build());
    String handle =
        stored.getJsonArray("webauthn_create").getJsonObject(0).getString("user_handle");
    assertThat(handle)
        .isEqualTo(flask.userColumn("bob@example.com", "fs_webauthn_user_handle").orElseThrow());
    device.authenticator().userHandle(handle.getBytes(StandardCharsets.US_ASCII));

    Reply hinted =
        client.postJson(
            "api/wan-signin",
            Json.createObjectBuilder()
                .add("identity", "bob@example.com")
                .add("csrf_token", client.csrfToken())
                .build());
    JsonArray allowed =
        hinted.response().getJsonObject("credential_options").getJsonArray("allowCredentials");
    assertThat(allowed).hasSize(1);
    assertThat(allowed.getJsonObject(0).getString("id")).isEqualTo(device.credentialId());
    Reply signedIn =
        client.postJson(
            "api/wan-signin/" + hinted.response().getString("wan_state"),
            Json.createObjectBuilder()
                .add("credential", device.get(hinted.body()))
                .add("csrf_token", client.csrfToken())
                .build());

    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(whoami(client)).isEqualTo("bob@example.com");
    JsonObject listed =
        client
            .get("api/wan-register", "Accept", JSON)
            .response()
            .getJsonArray("registered_credentials")
            .getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("Flask passkey");
    assertThat(listed.getString("usage")).isEqualTo("first");
    assertThat(listed.getJsonArray("transports").getValuesAs(JsonString::getString))
        .containsExactly("usb", "nfc");
    assertThat(listed.getBoolean("discoverable")).isTrue();

    JsonObject read =
        flask
            .flaskCheck(
                Json.createObjectBuilder()
                    .add("webauthn", Json.createArrayBuilder().add("bob@example.com"))
                    .build())
            .getJsonObject("webauthn")
            .getJsonArray("bob@example.com")
            .getJsonObject(0);
    assertThat(read.getInt("sign_count")).isEqualTo(1);
    assertThat(read.getString("credential_id")).isEqualTo(device.credentialId());
    assertThat(read.getJsonArray("transports").getValuesAs(JsonString::getString))
        .containsExactly("usb", "nfc");
  }

  private static String whoami(ApiClient client) {
    Reply reply = client.get("api/whoami", "Accept", JSON);
    return reply.status() == 200 ? reply.json().getString("email") : "status " + reply.status();
  }
}
