package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.FlaskDatabase;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Node;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.SampleNode;
import dev.portcullis.sample.support.TwoFactorSteps;
import dev.portcullis.sample.support.WildFlyNode;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two nodes as one: two Payara Micros started by the test ({@link SampleNode}), each with {@code
 * --nocluster} (no Hazelcast, so nothing passes between them but the database) or, in the WildFly
 * run, a Payara Micro as node A and a WildFly as node B ({@link WildFlyNode}), running the same
 * sample WAR (so the same {@code security.secret_key} and salts) on one PostgreSQL schema created
 * afresh for the run. What a user does on node A holds on node B: A's auth token and remember-me
 * cookie sign in on B (A's session does not: sessions are node-local); a password change on A ends
 * B's own session, the old token and the old cookie at once; failures counted on A make B wait and
 * lock B out; a one-time code used on A is refused on B; a reset link mailed by A works once on B.
 * Both nodes mail through one {@link MailTrap}. Skipped when PostgreSQL does not answer on
 * 127.0.0.1 ({@code .ci/run} starts it).
 */
@EnabledIf(
    value = "reachable",
    disabledReason = "PostgreSQL not reachable on 127.0.0.1 (.ci/run starts it)")
class TwoNodesIT {

  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String PASSWORD = TwoFactorSteps.PASSWORD;
  static final String NEW_PASSWORD = "Another-Passw0rd!";
  static final String WRONG = "not-the-password-1";
  static final String JSON = "application/json";

  /** A schema of this run only: runs on one database (other worktrees, CI) do not collide. */
  static final String SCHEMA =
      "two_nodes_" + ProcessHandle.current().pid() + "_" + System.nanoTime();

  /**
   * In the WildFly run ({@code -Dit.server=wildfly}) node B is a WildFly ({@link WildFlyNode}),
   * node A still a Payara Micro: one cluster of two servers.
   */
  static final boolean ON_WILDFLY = "wildfly".equals(System.getProperty("arquillian.launch"));

  static MailTrap mail;
  static Node nodeA;
  static Node nodeB;

  TwoFactorSteps onA;
  TwoFactorSteps onB;

  static boolean reachable() {
    return FlaskDatabase.reachable(FlaskDatabase.Kind.POSTGRESQL);
  }

  /**
   * Starts A, then B (A migrates the fresh schema and seeds the sample's users; B finds them
   * there). The throttle: 3 failures answered at once, then a 60 s wait, locked at 4; one trusted
   * proxy, so the lockout test speaks from addresses of its own.
   */
  @BeforeAll
  static void startNodes() throws IOException {
    execute("CREATE SCHEMA " + SCHEMA);
    mail = MailTrap.start();
    WebArchive war =
        SampleDeployment.withMailTo(
            mail,
            SampleDeployment.DEFAULT_THROTTLE
                + "security.throttle_account_free_failures=3\n"
                + "security.throttle_account_lockout_failures=4\n"
                + "security.throttle_delay=60 seconds\n"
                + "security.proxy_x_for=1\n");
    Map<String, String> database =
        Map.of(
            "PORTCULLIS_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
            "PORTCULLIS_DB_URL", ADMIN_URL + "?currentSchema=" + SCHEMA,
            "PORTCULLIS_DB_USER", "postgres");
    nodeA = SampleNode.start("a", war, database);
    nodeB =
        ON_WILDFLY ? WildFlyNode.start("b", war, database) : SampleNode.start("b", war, database);
  }

  @AfterAll
  static void stopNodes() {
    for (Node node : new Node[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @BeforeEach
  void steps() {
    onA = new TwoFactorSteps(nodeA.base(), mail);
    onB = new TwoFactorSteps(nodeB.base(), mail);
  }

  @AfterEach
  void resetClocks() {
    onA.resetClock();
    onB.resetClock();
  }

  @Test
  void tokenAndRememberCookieWhenIssuedOnAThenAcceptedOnBWhileTheSessionStaysOnA() {
    String email = onA.newUser("nodes-carry");
    ApiClient onNodeA = new ApiClient(nodeA.base());
    Reply login = loginRemembering(onNodeA, email, PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    String token = login.response().getJsonObject("user").getString("authentication_token");
    String remember = onNodeA.cookie("remember_token").orElseThrow();
    String session = onNodeA.cookie("JSESSIONID").orElseThrow();

    Reply byToken =
        new ApiClient(nodeB.base())
            .get("api/whoami", "Authentication-Token", token, "Accept", JSON);
    ApiClient byCookie = new ApiClient(nodeB.base());
    Reply remembered =
        byCookie.get("api/whoami", "Cookie", "remember_token=" + remember, "Accept", JSON);
    Reply bySession =
        new ApiClient(nodeB.base())
            .get("api/whoami", "Cookie", "JSESSIONID=" + session, "Accept", JSON);

    assertThat(byToken.status()).isEqualTo(200);
    assertThat(byToken.json().getString("email")).isEqualTo(email);
    assertThat(remembered.status()).isEqualTo(200);
    assertThat(remembered.json().getString("email")).isEqualTo(email);
    assertThat(byCookie.get("api/whoami", "Accept", JSON).status())
        .as("the cookie started a session on B")
        .isEqualTo(200);
    assertThat(bySession.status())
        .as("A's session is A's alone (no session replication)")
        .isEqualTo(401);
    assertThat(onNodeA.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void passwordWhenChangedOnAThenBRefusesItsOwnSessionTheOldTokenAndTheOldCookieAtOnce() {
    String email = onA.newUser("nodes-change");
    ApiClient sessionOnB = new ApiClient(nodeB.base());
    Reply loginOnB = loginRemembering(sessionOnB, email, PASSWORD);
    String tokenOfB = loginOnB.response().getJsonObject("user").getString("authentication_token");
    String cookieOfB = sessionOnB.cookie("remember_token").orElseThrow();
    ApiClient owner = new ApiClient(nodeA.base());
    String tokenOfA =
        loginRemembering(owner, email, PASSWORD)
            .response()
            .getJsonObject("user")
            .getString("authentication_token");
    assertThat(sessionOnB.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);

    Reply changed =
        owner.postJson(
            "api/change",
            Json.createObjectBuilder()
                .add("password", PASSWORD)
                .add("new_password", NEW_PASSWORD)
                .add("new_password_confirm", NEW_PASSWORD)
                .add("csrf_token", owner.csrfToken())
                .build());
    assertThat(changed.status()).isEqualTo(200);

    assertThat(sessionOnB.get("api/whoami", "Accept", JSON).status())
        .as("B's own session")
        .isEqualTo(401);
    for (String token : new String[] {tokenOfB, tokenOfA}) {
      assertThat(whoamiOnB("Authentication-Token", token)).as("an old token").isEqualTo(401);
    }
    assertThat(whoamiOnB("Cookie", "remember_token=" + cookieOfB))
        .as("the old cookie")
        .isEqualTo(401);
    assertThat(new ApiClient(nodeB.base()).login(email, PASSWORD, "").status()).isEqualTo(400);
    assertThat(new ApiClient(nodeB.base()).login(email, NEW_PASSWORD, "").status()).isEqualTo(200);
  }

  @Test
  void failuresWhenCountedOnAThenBWaitsAndTheLockoutHoldsOnB() {
    String email = onA.newUser("nodes-locked");
    ApiClient onNodeA = new ApiClient(nodeA.base());
    ApiClient onNodeB = new ApiClient(nodeB.base());
    for (int i = 1; i <= 3; i++) {
      assertThat(login(onNodeA, email, WRONG, "203.0.113.71").status())
          .as("failure %d on A", i)
          .isEqualTo(400);
    }

    Reply waitOnB = login(onNodeB, email, PASSWORD, "203.0.113.72");
    assertThat(waitOnB.status()).as("the failures A counted make B wait").isEqualTo(429);
    assertThat(Long.parseLong(waitOnB.header("Retry-After").orElseThrow())).isBetween(1L, 60L);

    onA.moveClock(Duration.ofSeconds(61));
    assertThat(login(onNodeA, email, WRONG, "203.0.113.71").status())
        .as("failure 4 on A")
        .isEqualTo(400);
    Reply lockedOnB = login(onNodeB, email, PASSWORD, "203.0.113.72");

    assertThat(lockedOnB.status()).isEqualTo(429);
    assertThat(Long.parseLong(lockedOnB.header("Retry-After").orElseThrow()))
        .isBetween(Duration.ofMinutes(14).toSeconds(), Duration.ofMinutes(17).toSeconds());
    assertThat(lockedOnB.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many failed attempts. Please try again later.");
    assertThat(onA.events())
        .as("fired once, by the node that counted")
        .contains("sync:locked-out:" + email + ":password");
    assertThat(onB.events()).noneMatch(e -> e.contains(email));
  }

  @Test
  void authenticatorCodeWhenUsedOnAThenRefusedOnB() {
    String email = onA.newUser("nodes-code");
    String key = onA.enrolAuthenticator(email);
    String code = Rfc6238.code(key, onA.step() + 2);
    assertThat(onA.validate(onA.pending(email), code).status()).as("the code on A").isEqualTo(200);

    ApiClient pendingOnB = onB.pending(email);
    Reply replayed = onB.validate(pendingOnB, code);

    assertThat(replayed.status()).as("the same code on B").isEqualTo(400);
    assertThat(onB.validate(pendingOnB, Rfc6238.code(key, onB.step() + 3)).status())
        .as("a later code of the window on B")
        .isEqualTo(200);
  }

  @Test
  void resetLinkWhenMailedByAThenWorksOnceOnB() {
    String email = onA.newUser("nodes-reset");
    ApiClient onNodeA = new ApiClient(nodeA.base());
    Reply forgot =
        onNodeA.postJson(
            "api/reset",
            Json.createObjectBuilder()
                .add("email", email)
                .add("csrf_token", onNodeA.csrfToken())
                .build());
    assertThat(forgot.status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMessage(email, 1, TwoFactorSteps.WAIT), "/api/reset/");
    assertThat(link).as("mailed by A").startsWith(nodeA.base().toString());
    String path = URI.create(link).getRawPath().substring(nodeA.base().getPath().length());
    ApiClient onNodeB = new ApiClient(nodeB.base());

    Reply first = reset(onNodeB, path);
    Reply again = reset(onNodeB, path);
    Reply onAAfterwards = reset(onNodeA, path);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(400);
    assertThat(onAAfterwards.status()).isEqualTo(400);
    assertThat(again.response().getJsonObject("field_errors").getJsonArray("").getString(0))
        .isEqualTo("This password reset link is not valid.");
    assertThat(new ApiClient(nodeA.base()).login(email, NEW_PASSWORD, "").status()).isEqualTo(200);
  }

  // --- steps ---

  private int whoamiOnB(String header, String value) {
    return new ApiClient(nodeB.base()).get("api/whoami", header, value, "Accept", JSON).status();
  }

  private static Reply loginRemembering(ApiClient client, String email, String password) {
    return client.postJson(
        "api/login?include_auth_token",
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", password)
            .add("remember", true)
            .add("csrf_token", client.csrfToken())
            .build());
  }

  private static Reply login(ApiClient client, String email, String password, String address) {
    return client.postJson(
        "api/login",
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", password)
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  private static Reply reset(ApiClient client, String path) {
    return client.postJson(
        path,
        Json.createObjectBuilder()
            .add("password", NEW_PASSWORD)
            .add("password_confirm", NEW_PASSWORD)
            .add("csrf_token", client.csrfToken())
            .build());
  }

  private static void execute(String sql) {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
