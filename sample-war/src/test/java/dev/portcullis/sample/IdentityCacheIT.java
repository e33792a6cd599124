package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleAccounts;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample with {@code security.identity_cache_ttl=60 seconds}: what this node changes through
 * Portcullis (a password change, a deactivation, a new role) holds on the next request, as without
 * the cache; a change made past this node (plain SQL, as another node, Flask-Security or the
 * command line would make it) is honoured at the latest when the kept copy expires, and not before:
 * the documented price of the setting.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityCacheIT {

  static final String JSON = "application/json";
  static final String NEW_PASSWORD = "Another-Passw0rd!";
  static final Duration TTL = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static org.jboss.shrinkwrap.api.spec.WebArchive deployment() {
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + "\nsecurity.identity_cache_ttl="
            + TTL.toSeconds()
            + " seconds\n");
  }

  @ArquillianResource URL base;
  SampleAccounts accounts;

  @BeforeEach
  void accounts() {
    accounts = new SampleAccounts(base);
  }

  @AfterEach
  void clock() {
    accounts.moveClock(Duration.ZERO);
  }

  @Test
  void tokenAndSessionWhenPasswordChangedOnThisNodeThenRefusedOnTheNextRequest() {
    String email = accounts.createUser("cache-change");
    String token = accounts.token(email);
    ApiClient browser = new ApiClient(base);
    accounts.signIn(browser, email);
    ApiClient owner = new ApiClient(base);
    accounts.signIn(owner, email);
    assertThat(withToken("api/whoami", token)).isEqualTo(200);
    assertThat(browser.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);

    Reply changed =
        owner.postJson(
            "api/change",
            Json.createObjectBuilder()
                .add("password", SampleAccounts.PASSWORD)
                .add("new_password", NEW_PASSWORD)
                .add("new_password_confirm", NEW_PASSWORD)
                .add("csrf_token", owner.csrfToken())
                .build());
    assertThat(changed.status()).isEqualTo(200);

    assertThat(withToken("api/whoami", token)).as("the old token").isEqualTo(401);
    assertThat(browser.get("api/whoami", "Accept", JSON).status())
        .as("another session")
        .isEqualTo(401);
    assertThat(owner.get("api/whoami", "Accept", JSON).status())
        .as("the session that changed it")
        .isEqualTo(200);
  }

  @Test
  void tokenWhenUserDeactivatedOnThisNodeThenRefusedOnTheNextRequest() {
    String email = accounts.createUser("cache-deactivate");
    String token = accounts.token(email);
    assertThat(withToken("api/whoami", token)).isEqualTo(200);

    support("users/" + email + "/active/false");

    assertThat(withToken("api/whoami", token)).isEqualTo(401);
  }

  @Test
  void roleWhenGivenOnThisNodeThenGrantedOnTheNextRequest() {
    String email = accounts.createUser("cache-role");
    String token = accounts.token(email);
    assertThat(withToken("api/admin", token)).isEqualTo(403);

    support("users/" + email + "/roles/admin");

    assertThat(withToken("api/admin", token)).isEqualTo(200);
  }

  /**
   * The container's own role check ({@code @RolesAllowed}) follows the user's roles on the next
   * request, both ways: on Open Liberty, whose authentication cache keeps the caller's Subject
   * under Portcullis' key, a changed role must give a new Subject, never the kept one.
   */
  @Test
  void containerRoleWhenGivenThenTakenThenRolesAllowedFollowsOnTheNextRequest() {
    String email = accounts.createUser("cache-container-role");
    String token = accounts.token(email);
    assertThat(withToken("api/test-support/roles-allowed", token)).isEqualTo(403);

    support("users/" + email + "/roles/admin");
    assertThat(withToken("api/test-support/roles-allowed", token)).isEqualTo(200);
    assertThat(withToken("api/test-support/roles-allowed", token)).isEqualTo(200);

    support("users/" + email + "/roles/admin/remove");
    assertThat(withToken("api/test-support/roles-allowed", token)).isEqualTo(403);
  }

  @Test
  void userWhenDeactivatedPastThisNodeThenHonouredUntilTheKeptCopyExpires() {
    String email = accounts.createUser("cache-elsewhere");
    String token = accounts.token(email);
    accounts.freezeClock();
    assertThat(withToken("api/whoami", token)).isEqualTo(200);

    Reply deactivated = support("users/" + email + "/deactivate-elsewhere");
    assertThat(deactivated.json().getInt("rows")).isEqualTo(1);

    assertThat(withToken("api/whoami", token)).as("within the TTL: the kept copy").isEqualTo(200);
    accounts.moveClock(TTL.minusSeconds(1));
    assertThat(withToken("api/whoami", token)).as("a second before it ends").isEqualTo(200);
    accounts.moveClock(Duration.ofSeconds(1));
    assertThat(withToken("api/whoami", token)).as("when it ends").isEqualTo(401);
  }

  private int withToken(String path, String token) {
    return new ApiClient(base).get(path, "Authentication-Token", token, "Accept", JSON).status();
  }

  private Reply support(String path) {
    Reply reply = new ApiClient(base).postJson("api/test-support/" + path, "{}");
    assertThat(reply.status()).as(path).isEqualTo(200);
    return reply;
  }
}
