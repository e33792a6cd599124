package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MpJwtService;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile JWT access tokens: Portcullis issues them ({@code POST /jwt}) and publishes its keys
 * ({@code GET /jwks}); a second Payara Micro started by the test runs two services configured with
 * MicroProfile JWT only ({@link MpJwtService}) — {@code orders} accepts Portcullis' tokens, and
 * refuses expired, tampered and (as {@code billing}) wrong-audience ones. Portcullis itself accepts
 * them as {@code Authorization: Bearer} where {@code security.api_enabled_methods} lists {@code
 * jwt}, until a password change rotates the user's identity.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwtIT {

  static final String ISSUER = "https://portcullis.example/it";
  static final String JSON = "application/json";
  static MpJwtService services;
  static RuntimeException servicesFailed;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    String keys = Files.createTempDirectory("portcullis-jwt-it-").resolve("jwks.json").toString();
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + "security.jwt_enable=true\n"
            + "security.jwt_issuer="
            + ISSUER
            + "\nsecurity.jwt_audience=portcullis,orders\n"
            + "security.jwt_lifetime=5 minutes\n"
            + "security.jwt_keys_file="
            + keys
            + "\nsecurity.api_enabled_methods=session,token,jwt\n");
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.close();
    }
  }

  @ArquillianResource URL base;
  TwoFactorSteps steps;

  @BeforeEach
  void startServicesOnce() throws IOException {
    steps = new TwoFactorSteps(base, null);
    if (servicesFailed != null) {
      throw servicesFailed; // started once per class, not again for every test
    }
    if (services == null) {
      try {
        services = MpJwtService.start(base + "api/jwks", ISSUER);
      } catch (RuntimeException e) {
        servicesFailed = e;
        throw e;
      }
    }
  }

  @AfterEach
  void resetClock() {
    steps.resetClock();
  }

  @Test
  void serviceWhenPortcullisTokenThenAcceptsItWithUpnAndGroups() {
    String email = steps.newUser("jwt");
    String token = jwt(authToken(email));
    HttpResponse<String> answer = services.get("orders", token);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject caller = json(answer.body());
    assertThat(caller.getString("upn")).isEqualTo(email);
    assertThat(caller.getJsonArray("groups").getString(0)).isEqualTo("user");
  }

  @Test
  void serviceWhenOtherAudienceThenRefused() {
    String token = jwt(authToken(steps.newUser("jwt-aud")));
    assertThat(services.get("orders", token).statusCode()).isEqualTo(200);
    assertThat(services.get("billing", token).statusCode()).isEqualTo(401);
  }

  @Test
  void serviceWhenTokenTamperedThenRefused() {
    String email = steps.newUser("jwt-tamper");
    String[] parts = jwt(authToken(email)).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"user\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(services.get("orders", forged).statusCode()).isEqualTo(401);
    assertThat(
            new ApiClient(base)
                .get("api/change", "Accept", JSON, "Authorization", "Bearer " + forged)
                .status())
        .isEqualTo(401);
  }

  @Test
  void serviceWhenTokenExpiredThenRefused() {
    String email = steps.newUser("jwt-expired");
    // Issued an hour ago by Portcullis' clock: its five minutes are long over.
    steps.support().postJson("api/test-support/clock?seconds=-3600", "{}");
    String token = jwt(authToken(email));
    steps.resetClock();
    assertThat(services.get("orders", token).statusCode()).isEqualTo(401);
    assertThat(
            new ApiClient(base)
                .get("api/change", "Accept", JSON, "Authorization", "Bearer " + token)
                .status())
        .isEqualTo(401);
  }

  @Test
  void portcullisWhenBearerTokenThenAuthenticatedUntilPasswordChange() {
    String email = steps.newUser("jwt-self");
    ApiClient owner = new ApiClient(base);
    Reply login = owner.login(email, TwoFactorSteps.PASSWORD, "?include_auth_token");
    String auth = login.response().getJsonObject("user").getString("authentication_token");
    String token = jwt(auth);
    ApiClient bearer = new ApiClient(base);
    String header = "Bearer " + token;
    assertThat(bearer.get("api/change", "Accept", JSON, "Authorization", header).status())
        .as("an endpoint of security.api_enabled_methods, which lists jwt")
        .isEqualTo(200);
    assertThat(bearer.get("api/whoami", "Accept", JSON, "Authorization", header).status())
        .as("an endpoint that accepts token, session and basic only")
        .isEqualTo(401);
    assertThat(bearer.cookie("JSESSIONID")).as("no session for a bearer request").isEmpty();
    String oldSub = claims(token).getString("sub");

    Reply changed =
        owner.postJson(
            "api/change",
            Json.createObjectBuilder()
                .add("password", TwoFactorSteps.PASSWORD)
                .add("new_password", "Another-Passw0rd!")
                .add("new_password_confirm", "Another-Passw0rd!")
                .add("csrf_token", owner.csrfToken())
                .build());
    assertThat(changed.status()).isEqualTo(200);
    assertThat(
            bearer.get("api/change", "Accept", JSON, "Authorization", "Bearer " + token).status())
        .as("the old identity is gone here")
        .isEqualTo(401);
    String fresh =
        jwt(
            new ApiClient(base)
                .login(email, "Another-Passw0rd!", "?include_auth_token")
                .response()
                .getJsonObject("user")
                .getString("authentication_token"));
    assertThat(claims(fresh).getString("sub")).isNotEqualTo(oldSub);
    assertThat(services.get("orders", fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void jwksWhenFetchedThenPublicKeysOnly() {
    JsonObject jwks = new ApiClient(base).get("api/jwks").json();
    JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
    assertThat(key.getString("kty")).isEqualTo("RSA");
    assertThat(key.getString("kid")).isNotBlank();
    assertThat(key.containsKey("d")).isFalse();
  }

  @Test
  void jwtWhenAnonymousThen401() {
    Reply anonymous = new ApiClient(base).post("api/jwt", "Accept", JSON);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  // --- steps ---

  private String authToken(String email) {
    Reply login = new ApiClient(base).login(email, TwoFactorSteps.PASSWORD, "?include_auth_token");
    assertThat(login.status()).isEqualTo(200);
    return login.response().getJsonObject("user").getString("authentication_token");
  }

  /** A JWT for the holder of an auth token (which needs no CSRF token). */
  private String jwt(String authToken) {
    Reply issued =
        new ApiClient(base).post("api/jwt", "Accept", JSON, "Authentication-Token", authToken);
    assertThat(issued.status()).isEqualTo(200);
    assertThat(issued.response().getString("token_type")).isEqualTo("Bearer");
    assertThat(issued.response().getInt("expires_in")).isEqualTo(300);
    return issued.response().getString("access_token");
  }

  private static JsonObject claims(String jwt) {
    return json(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
