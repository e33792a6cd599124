package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.DatabaseProxy;
import dev.portcullis.sample.support.SampleAccounts;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Database outages, readiness and metrics on Payara Micro: the sample on PostgreSQL through a
 * {@link DatabaseProxy} in this JVM that the tests cut and restore. While the database is away,
 * sign-in, registration, token requests, authenticated requests and pages answer 503 with {@code
 * Retry-After} and {@code SERVICE_UNAVAILABLE} (the envelope for JSON, a page for browsers), no
 * user row is written, and readiness is DOWN; once it is back everything works again without a
 * restart. The counters of {@code /metrics} move with sign-ins, failures, lockouts and mails.
 * Skipped when PostgreSQL does not answer on 127.0.0.1 (.ci/run starts it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf(value = "reachable", disabledReason = "PostgreSQL not reachable on 127.0.0.1")
class FaultsIT {

  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SCHEMA = "portcullis_faults_it";
  static final String JSON = "application/json";
  static final String STRONG = "Correct-Horse-Battery-9";

  /** The server under test: {@code payara} (default), {@code wildfly} or {@code liberty}. */
  static final String SERVER = System.getProperty("arquillian.launch", "payara");

  static DatabaseProxy proxy;

  @ArquillianResource URL base;
  ApiClient client;

  static boolean reachable() {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * The sample with a standard data source definition in {@code web.xml} instead of {@link
   * SampleDataSource}'s annotation (the proxy's port is known only now): PostgreSQL's own {@code
   * PGSimpleDataSource} on a fresh schema reached through the proxy, with the pool settings of
   * {@link FaultsDataSource} for this server; a throttle that locks an account after three wrong
   * passwords (for the lockout counter).
   */
  @Deployment(testable = false)
  static WebArchive deployment() throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    proxy = new DatabaseProxy("127.0.0.1", 5432, Integer.getInteger("faults.proxy.port", 0));
    String url =
        "jdbc:postgresql://127.0.0.1:"
            + proxy.port()
            + "/test?currentSchema="
            + SCHEMA
            + "&connectTimeout=5&socketTimeout=20";
    String settings =
        String.join(
            "\n",
            "security.throttle_account_free_failures=2",
            "security.throttle_account_lockout_failures=3",
            "security.service_unavailable_retry_after=7 seconds",
            "");
    WebArchive war =
        SampleDeployment.withConfiguration(
            SampleDeployment.sampleConfiguration() + "\n" + settings);
    war.deleteClass(SampleDataSource.class);
    return FaultsDataSource.define(war, SERVER, url, "postgres");
  }

  @AfterAll
  static void closeProxy() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
  }

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
  }

  @AfterEach
  void databaseBack() {
    proxy.restore();
  }

  @Test
  void loginWhenDatabaseDownThen503EnvelopeAndAfterRestoreSignsIn() {
    String csrf = client.csrfToken();
    proxy.cut();

    Reply down = login(client, csrf, SampleAccounts.USER, SampleAccounts.PASSWORD, "");

    assertUnavailableEnvelope(down);
    proxy.restore();
    assertThat(awaitLogin(SampleAccounts.USER, "").status()).isEqualTo(200);
  }

  @Test
  void registerWhenDatabaseDownThen503AndNoUserWrittenAndAfterRestoreRegisters()
      throws SQLException {
    String email = "faults-" + UUID.randomUUID() + "@example.com";
    String csrf = client.csrfToken();
    long usersBefore = users();
    proxy.cut();

    Reply down = register(client, csrf, email);

    assertUnavailableEnvelope(down);
    proxy.restore();
    assertThat(userRows(email)).isZero();
    assertThat(users()).isEqualTo(usersBefore);
    awaitLogin(SampleAccounts.USER, "");
    ApiClient later = new ApiClient(base);
    Reply again = register(later, later.csrfToken(), email);
    assertThat(again.status()).isEqualTo(200);
    assertThat(userRows(email)).isEqualTo(1);
  }

  @Test
  void tokenWhenDatabaseDownThen503AndIssuedTokenAnsweredAgainAfterRestore() {
    SampleAccounts accounts = new SampleAccounts(base);
    accounts.signIn(client, SampleAccounts.USER);
    String token = accounts.token(SampleAccounts.USER);
    assertThat(token).isNotBlank();
    ApiClient other = new ApiClient(base);
    String csrf = other.csrfToken();
    proxy.cut();

    Reply newToken =
        login(other, csrf, SampleAccounts.USER, SampleAccounts.PASSWORD, "?include_auth_token");
    Reply withToken =
        new ApiClient(base).get("api/whoami", "Authentication-Token", token, "Accept", JSON);
    Reply withSession = client.get("api/whoami", "Accept", JSON);

    assertUnavailableEnvelope(newToken);
    assertUnavailableEnvelope(withToken);
    assertUnavailableEnvelope(withSession);
    proxy.restore();
    awaitLogin(SampleAccounts.USER, "");
    assertThat(awaitLogin(SampleAccounts.USER, "?include_auth_token").response().toString())
        .contains("authentication_token");
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", token, "Accept", JSON)
                .status())
        .isEqualTo(200);
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void pageWhenDatabaseDownThen503PageWithoutStackTrace() {
    Reply page = client.get("security/login_user.xhtml", "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    String form = hiddenFormFields(page.body());
    proxy.cut();

    Reply posted =
        client.postForm(
            "security/login_user.xhtml",
            form
                + "&identity="
                + encode(SampleAccounts.USER)
                + "&password="
                + encode(SampleAccounts.PASSWORD)
                + "&login-submit=Sign+in",
            "Accept",
            "text/html");

    assertThat(posted.status()).isEqualTo(503);
    assertThat(posted.header("Retry-After")).contains("7");
    assertThat(posted.header("Content-Type").orElse("")).startsWith("text/html");
    assertThat(posted.body()).contains("The service is unavailable for a moment");
    assertNoInternals(posted.body());
  }

  @Test
  @DisabledIfSystemProperty(
      named = "arquillian.launch",
      matches = "wildfly",
      disabledReason = "standalone.xml has no MicroProfile Health: see the WildFly test below")
  void healthWhenDatabaseDownThenNotReadyAndReadyAgainAfterRestore() {
    JsonObject up = awaitReadiness(200);
    assertThat(portcullisCheck(up).getString("status")).isEqualTo("UP");
    assertThat(portcullisCheck(up).getJsonObject("data").getString("database"))
        .isEqualTo("reachable");
    assertThat(data(up, "pending_migrations")).isEqualTo("0");
    assertThat(data(up, "outbox_backlog_limit")).isEqualTo("1000");
    proxy.cut();

    JsonObject down = readiness(503);

    assertThat(down.getString("status")).isEqualTo("DOWN");
    assertThat(portcullisCheck(down).getString("status")).isEqualTo("DOWN");
    assertThat(portcullisCheck(down).getJsonObject("data").getString("database"))
        .isEqualTo("unreachable");
    assertNoInternals(down.toString());
    proxy.restore();
    assertThat(portcullisCheck(awaitReadiness(200)).getString("status")).isEqualTo("UP");
  }

  @Test
  @DisabledIfSystemProperty(
      named = "arquillian.launch",
      matches = "wildfly",
      disabledReason = "standalone.xml has no MicroProfile Metrics: see the WildFly test below")
  void metricsWhenSignInsFailuresLockoutsAndMailsThenCountersMove() {
    String before = metrics();

    signInFailLockOutAndMail();

    String after = metrics();
    assertThat(counter(after, "portcullis_sign_ins_total", "method=\"password\""))
        .isGreaterThanOrEqualTo(
            counter(before, "portcullis_sign_ins_total", "method=\"password\"") + 1);
    assertThat(counter(after, "portcullis_failed_checks_total", "secret=\"password\""))
        .isGreaterThanOrEqualTo(
            counter(before, "portcullis_failed_checks_total", "secret=\"password\"") + 3);
    assertThat(counter(after, "portcullis_lockouts_total", "secret=\"password\""))
        .isGreaterThanOrEqualTo(
            counter(before, "portcullis_lockouts_total", "secret=\"password\"") + 1);
    assertThat(counter(after, "portcullis_mails_total", "outcome=\"queued\""))
        .isGreaterThanOrEqualTo(
            counter(before, "portcullis_mails_total", "outcome=\"queued\"") + 1);
    assertThat(awaitCounter("portcullis_mails_total", "outcome=\"sent\""))
        .isGreaterThanOrEqualTo(counter(before, "portcullis_mails_total", "outcome=\"sent\"") + 1);
  }

  /**
   * WildFly's {@code standalone.xml} has no MicroProfile Health and no MicroProfile Metrics (its
   * own {@code health} and {@code metrics} subsystems answer on the management port): Portcullis'
   * readiness check and counters do not load there, and the rest works as on the other servers. The
   * server's readiness stays UP without a {@code portcullis} check, with the database cut too.
   */
  @Test
  @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
  void healthWhenServerWithoutMicroProfileHealthThenNoPortcullisCheckAndTheSampleServes() {
    assertThat(server("/health/ready").statusCode())
        .as("no MicroProfile Health endpoint on the application's port")
        .isEqualTo(404);
    HttpResponse<String> ready = management("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(checkNames(ready.body())).as(ready.body()).doesNotContain("portcullis");
    proxy.cut();

    HttpResponse<String> readyWhileCut = management("/health/ready");

    assertThat(checkNames(readyWhileCut.body())).doesNotContain("portcullis");
    proxy.restore();
    assertThat(awaitLogin(SampleAccounts.USER, "").status()).isEqualTo(200);
  }

  /**
   * Without MicroProfile Metrics the events the counters would observe still fire and everything
   * that fires them works: a sign-in, wrong passwords up to a lockout, a registration's mail; the
   * server's own metrics have no Portcullis counter.
   */
  @Test
  @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
  void metricsWhenServerWithoutMicroProfileMetricsThenEverythingCountedStillWorks() {
    signInFailLockOutAndMail();

    HttpResponse<String> metrics = management("/metrics");
    assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.body().lines())
        .as("WildFly's own metrics (its JPA statistics name the unit portcullis)")
        .isNotEmpty()
        .noneMatch(line -> line.startsWith("portcullis_") || line.contains("portcullis_sign_ins"));
  }

  // --- helpers ---

  /**
   * A registration (a mail), a sign-in, and wrong passwords until the account is locked out (this
   * deployment's throttle: the third; it must wait out the throttle's delay before, as a client
   * told Retry-After does).
   */
  private void signInFailLockOutAndMail() {
    String victim = "locked-" + UUID.randomUUID() + "@example.com";
    assertThat(register(client, client.csrfToken(), victim).status()).isEqualTo(200);
    assertThat(new ApiClient(base).login(SampleAccounts.USER, SampleAccounts.PASSWORD, "").status())
        .isEqualTo(200);
    int failures = 0;
    Reply last = null;
    while (failures < 3) {
      last = new ApiClient(base).login(victim, "wrong-password-" + failures, "");
      if (last.status() == 429) {
        sleep(Duration.ofSeconds(Long.parseLong(last.header("Retry-After").orElseThrow())));
      } else {
        assertThat(last.status()).as(last.body()).isEqualTo(400);
        failures++;
      }
    }
    Reply locked = new ApiClient(base).login(victim, STRONG, "");
    assertThat(locked.status()).as("locked out: " + locked.body()).isEqualTo(429);
  }

  /** WildFly's management interface (its own health and metrics). */
  private static HttpResponse<String> management(String path) {
    return get(
        URI.create(
            "http://127.0.0.1:" + System.getProperty("wildfly.management.port", "9990") + path));
  }

  /**
   * The names of the checks in a health answer: MicroProfile's object ({@code checks}) or WildFly's
   * own array of checks.
   */
  private static java.util.List<String> checkNames(String health) {
    jakarta.json.JsonStructure answer = Json.createReader(new java.io.StringReader(health)).read();
    jakarta.json.JsonArray checks =
        answer instanceof jakarta.json.JsonArray array
            ? array
            : answer.asJsonObject().getJsonArray("checks");
    return checks.getValuesAs(JsonObject.class).stream()
        .map(check -> check.getString("name", ""))
        .toList();
  }

  private void assertUnavailableEnvelope(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).contains("7");
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(503);
    assertThat(reply.response().getJsonArray("errors").getString(0))
        .isEqualTo("The service is unavailable for a moment. Please try again shortly.");
    assertNoInternals(reply.body());
  }

  private static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("org.postgresql")
        .doesNotContain("eclipse")
        .doesNotContain("\tat ")
        .doesNotContain(SampleAccounts.PASSWORD);
  }

  private static Reply login(
      ApiClient client, String csrf, String email, String password, String query) {
    return client.postJson(
        "api/login" + query,
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", password)
            .add("csrf_token", csrf)
            .build());
  }

  private static Reply register(ApiClient client, String csrf, String email) {
    return client.postJson(
        "api/register",
        Json.createObjectBuilder().add("email", email).add("password", STRONG).build(),
        "X-CSRF-Token",
        csrf);
  }

  /**
   * Signs in until it works (the pool may hand out a connection broken by the outage once); fails
   * after 30 s: recovery must not need a restart.
   */
  private Reply awaitLogin(String email, String query) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Reply last;
    do {
      ApiClient fresh = new ApiClient(base);
      Reply csrf = fresh.get("api/login", "Accept", JSON);
      last =
          csrf.status() == 200
              ? login(
                  fresh,
                  csrf.response().getString("csrf_token"),
                  email,
                  SampleAccounts.PASSWORD,
                  query)
              : csrf;
      if (last.status() == 200) {
        return last;
      }
      assertThat(last.status()).as(last.body()).isEqualTo(503);
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no recovery within 30 s: " + last.status() + " " + last.body());
  }

  private JsonObject awaitReadiness(int status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> last;
    do {
      last = server("/health/ready");
      if (last.statusCode() == status) {
        return Json.createReader(new java.io.StringReader(last.body())).readObject();
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("readiness not " + status + ": " + last.body());
  }

  private JsonObject readiness(int status) {
    HttpResponse<String> answer = server("/health/ready");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return Json.createReader(new java.io.StringReader(answer.body())).readObject();
  }

  /** A datum of the check; Payara may render numbers as strings. */
  private static String data(JsonObject health, String name) {
    return portcullisCheck(health).getJsonObject("data").get(name).toString().replace("\"", "");
  }

  private static JsonObject portcullisCheck(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("portcullis"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no portcullis check in " + health));
  }

  /** The application's metrics; none before the first counter (Payara answers 404 then). */
  private String metrics() {
    HttpResponse<String> answer = server("/metrics?scope=application");
    if (answer.statusCode() == 404) {
      return "";
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private double awaitCounter(String name, String tag) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double value;
    do {
      value = counter(metrics(), name, tag);
      pause();
    } while (value == 0 && System.nanoTime() < deadline);
    return value;
  }

  /**
   * The value of the Prometheus line of {@code name} whose labels include {@code tag}; 0 if none.
   */
  static double counter(String prometheus, String name, String tag) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE)
            .matcher(prometheus);
    while (line.find()) {
      if (line.group(1).contains(tag)) {
        return Double.parseDouble(line.group(2));
      }
    }
    return 0;
  }

  private HttpResponse<String> server(String path) {
    return get(URI.create(base.toString()).resolve(path));
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(30))
                  .header("Accept", "application/json, text/plain")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String hiddenFormFields(String html) {
    StringBuilder form = new StringBuilder();
    Matcher hidden =
        Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
    while (hidden.find()) {
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(hidden.group());
      Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
      if (name.find()) {
        if (form.length() > 0) {
          form.append('&');
        }
        form.append(encode(name.group(1)))
            .append('=')
            .append(encode(value.find() ? value.group(1).replace("&amp;", "&") : ""));
      }
    }
    return form.toString();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static long users() throws SQLException {
    try (Connection c = direct();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM fs_user")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long userRows(String email) throws SQLException {
    try (Connection c = direct();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM fs_user WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** PostgreSQL itself, not through the proxy: what is really stored. */
  private static Connection direct() throws SQLException {
    return DriverManager.getConnection(ADMIN_URL + "?currentSchema=" + SCHEMA, "postgres", "");
  }

  private static void pause() {
    sleep(Duration.ofMillis(250));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
