package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.IdentityTestResource;
import dev.portcullis.sample.support.SampleDeployment;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Freshness and re-authentication, standard @RolesAllowed, and the CDI events. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {

  static final String JSON = "application/json";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withTestSupport();
  }

  @ArquillianResource URL base;
  ApiClient client;

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
  }

  @AfterEach
  void resetClock() {
    client.postJson("api/test-support/clock?seconds=0", "{}");
  }

  @Test
  void freshEndpointWhenJustLoggedInThenOk() {
    client.login("user@example.com", "Password123!", "");
    assertThat(client.get("api/test-support/fresh", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void freshEndpointWhenLoginTooOldThenReauthRequiredUntilVerified() {
    client.login("user@example.com", "Password123!", "");
    moveClock(Duration.ofMinutes(5));

    Reply stale = client.get("api/test-support/fresh", "Accept", JSON);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.response().getBoolean("reauth_required")).isTrue();
    assertThat(stale.response().getJsonArray("errors").getString(0))
        .isEqualTo("Please sign in again to continue.");

    String csrf = client.csrfToken();
    Reply wrong = client.postJson("api/verify", "{\"password\":\"nope\"}", "X-CSRF-Token", csrf);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.response().getJsonObject("field_errors").getJsonArray("password").getString(0))
        .isEqualTo("The password is wrong.");

    Reply verified =
        client.postJson("api/verify", "{\"password\":\"Password123!\"}", "X-CSRF-Token", csrf);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(client.get("api/test-support/fresh", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void freshEndpointWhenTokenOnlyThenReauthRequiredAsInFlask() {
    String token =
        client
            .login("user@example.com", "Password123!", "?include_auth_token")
            .response()
            .getJsonObject("user")
            .getString("authentication_token");
    Reply reply =
        new ApiClient(base)
            .get("api/test-support/fresh", "Authentication-Token", token, "Accept", JSON);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.response().getBoolean("reauth_required")).isTrue();
  }

  /**
   * Issue 6, defect 1: an attacker holding only a victim's remember-me cookie re-authenticated with
   * their OWN token and password, and the freshness landed in the victim's session.
   */
  @Test
  void verifyWhenTokenOfAnotherUserOnVictimSessionThenVictimStaysStale() {
    ApiClient victimBrowser = new ApiClient(base);
    String csrf = victimBrowser.csrfToken();
    victimBrowser.postJson(
        "api/login",
        "{\"email\":\"user@example.com\",\"password\":\"Password123!\",\"remember\":true,"
            + "\"csrf_token\":\""
            + csrf
            + "\"}");
    String remember = victimBrowser.cookie("remember_token").orElseThrow();
    String attackerToken =
        new ApiClient(base)
            .login("admin@example.com", "Password123!", "?include_auth_token")
            .response()
            .getJsonObject("user")
            .getString("authentication_token");

    ApiClient stolen = new ApiClient(base);
    Reply stale =
        stolen.get(
            "api/test-support/fresh", "Cookie", "remember_token=" + remember, "Accept", JSON);
    assertThat(stale.status()).isEqualTo(401);
    String session = stolen.cookie("JSESSIONID").orElseThrow();
    String cookies = "remember_token=" + remember + "; JSESSIONID=" + session;

    Reply verified =
        stolen.postJson(
            "api/verify?auth_token=" + attackerToken,
            "{\"password\":\"Password123!\"}",
            "Cookie",
            cookies);
    assertThat(verified.status()).isEqualTo(200);

    Reply after = stolen.get("api/test-support/fresh", "Cookie", cookies, "Accept", JSON);
    assertThat(after.status()).as("the victim's session must not become fresh").isEqualTo(401);
    assertThat(after.response().getBoolean("reauth_required")).isTrue();
  }

  /** A token-authenticated request never writes into the session the request carries. */
  @Test
  void verifyWhenTokenAuthenticatedThenSessionOfSameUserUnchanged() {
    client.login("user@example.com", "Password123!", "");
    moveClock(Duration.ofMinutes(5));
    String token =
        new ApiClient(base)
            .login("user@example.com", "Password123!", "?include_auth_token")
            .response()
            .getJsonObject("user")
            .getString("authentication_token");
    moveClock(Duration.ofMinutes(5));
    Reply verified =
        client.postJson("api/verify?auth_token=" + token, "{\"password\":\"Password123!\"}");
    assertThat(verified.status()).isEqualTo(200);
    assertThat(client.get("api/test-support/fresh", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void verifyGetWhenSignedInThenUserAndCsrf() {
    client.login("user@example.com", "Password123!", "");
    Reply reply = client.get("api/verify", "Accept", JSON);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.response().getString("csrf_token")).isNotBlank();
    assertThat(reply.response().getBoolean("has_webauthn_verify_credential")).isFalse();
  }

  @Test
  void verifyWhenAnonymousThen401() {
    assertThat(client.get("api/verify", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void rolesAllowedWhenRoleHeldThenOk() {
    client.login("admin@example.com", "Password123!", "");
    assertThat(client.get("api/test-support/roles-allowed", "Accept", JSON).status())
        .isEqualTo(200);
  }

  @Test
  void rolesAllowedWhenRoleMissingThenForbiddenEnvelope() {
    client.login("user@example.com", "Password123!", "");
    Reply reply = client.get("api/test-support/roles-allowed", "Accept", JSON);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(403);
  }

  // Jersey (Payara) asks the mechanism; RESTEasy (WildFly, Liberty) refuses in its own filter and
  // ContainerRoleDenialMapper gives the same answer.
  @Test
  void rolesAllowedWhenAnonymousJsonThen401Envelope() {
    Reply reply = client.get("api/test-support/roles-allowed", "Accept", JSON);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(401);
  }

  // An application's own sign-in through SecurityContext.authenticate: the mechanism checks the
  // password through the IdentityStoreHandler, hence Portcullis' IdentityStore.

  @Test
  void securityContextAuthenticateWhenCorrectPasswordThenSignedInForThisAndLaterRequests() {
    Reply reply = signIn("admin@example.com", "Password123!");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("SUCCESS");
    assertThat(reply.json().getString("caller")).isEqualTo("admin@example.com");
    assertThat(reply.json().getBoolean("admin")).isTrue();
    assertThat(reply.json().getString("user")).isEqualTo("admin@example.com");
    assertThat(reply.json().getBoolean("session")).isTrue();

    Reply later = client.get("api/test-identity/current");
    assertThat(later.json().getString("user")).isEqualTo("admin@example.com");
    assertThat(later.json().getString("caller")).isEqualTo("admin@example.com");
    assertThat(later.json().getString("mechanism")).isEqualTo("SESSION");
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void securityContextAuthenticateWhenUsernameThenSignedIn() {
    Reply reply = signIn("user", "Password123!");
    assertThat(reply.json().getString("status")).isEqualTo("SUCCESS");
    assertThat(reply.json().getString("user")).isEqualTo("user@example.com");
    assertThat(reply.json().getBoolean("admin")).isFalse();
  }

  @Test
  void securityContextAuthenticateWhenWrongPasswordOrUnknownThenRefused() {
    for (String[] attempt :
        new String[][] {{"admin@example.com", "wrong"}, {"nobody@example.com", "Password123!"}}) {
      Reply reply = signIn(attempt[0], attempt[1]);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().getString("status")).isEqualTo("SEND_FAILURE");
      assertThat(reply.json().isNull("user")).isTrue();
      assertThat(IdentityTestResource.noCaller(reply.json())).isTrue();
      assertThat(reply.json().getBoolean("session")).isFalse();
    }
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void eventsWhenLoginAndLogoutThenObservedSyncAndAsyncWithoutSecrets() throws Exception {
    client.login("admin@example.com", "Password123!", "");
    client.postJson("api/logout", "{}");
    client.get("api/whoami?auth_token=not-a-token", "Accept", JSON);

    String events = "";
    for (int i = 0; i < 50 && !events.contains("async:logged-out:admin@example.com"); i++) {
      Thread.sleep(100);
      events = client.get("api/test-support/events").json().getJsonArray("events").toString();
    }
    assertThat(events)
        .contains("sync:authenticated:admin@example.com:[password]")
        .contains("async:authenticated:admin@example.com")
        .contains("sync:logged-out:admin@example.com")
        .contains("async:logged-out:admin@example.com")
        .contains("sync:unauthenticated:/sample/api/whoami")
        .doesNotContain("Password123!")
        .doesNotContain("not-a-token");
  }

  private Reply signIn(String identity, String password) {
    return client.postJson(
        "api/test-identity/sign-in?identity="
            + URLEncoder.encode(identity, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8),
        "{}");
  }

  private void moveClock(Duration by) {
    new ApiClient(base).postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }
}
