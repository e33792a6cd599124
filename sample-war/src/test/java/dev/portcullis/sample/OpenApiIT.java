package dev.portcullis.sample;

import static dev.portcullis.sample.support.Bodies.change;
import static dev.portcullis.sample.support.Bodies.credentials;
import static dev.portcullis.sample.support.Bodies.email;
import static dev.portcullis.sample.support.Bodies.envelope;
import static dev.portcullis.sample.support.Bodies.form;
import static dev.portcullis.sample.support.Bodies.newPassword;
import static dev.portcullis.sample.support.Bodies.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.ContractSweeps;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.OidcProvider;
import dev.portcullis.sample.support.OpenApiContract;
import dev.portcullis.sample.support.OpenApiContract.Exchanges;
import dev.portcullis.sample.support.RawHttp;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleAccounts;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import dev.portcullis.sample.support.WebAuthnClient;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's {@code /openapi} against real answers: the document Payara serves (Portcullis' model
 * reader merged with the sample's own file) is fetched, then every Portcullis endpoint and every
 * sample endpoint is driven to each status it documents, and each answer (and each well-formed
 * request) is validated against the document. An answer the document does not describe fails; so
 * does a documented status no test produced.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiIT {

  static final String JSON = "application/json";
  static final String HTML = "text/html";
  static final String ADMIN = "admin@example.com";
  static final String USER = SampleAccounts.USER;
  static final String PASSWORD = SampleAccounts.PASSWORD;
  static final String STRONG = "Correct-Horse-Battery-9";
  static final Duration MAIL_WAIT = Duration.ofSeconds(30);
  static final String BOGUS_TOKEN = ContractSweeps.BOGUS_TOKEN;
  static final String ORIGIN = "http://localhost:8080";

  /**
   * Failures one client address may have before it waits: more than all the tests fail from the
   * tests' own address, few enough for {@link
   * #mailedLinksWhenForgedTooOftenFromOneAddressThen429Described}.
   */
  static final int ADDRESS_FREE_FAILURES = 300;

  /** The OAuth provider the deployment signs in with (a real OpenID Connect server). */
  static final String PROVIDER = "test";

  /** The path parameter values of the sweeps: the configured provider, else no real token. */
  static final Map<String, String> PATH_VALUES = Map.of("name", PROVIDER);

  static MailTrap mail;
  static OidcProvider provider;
  static OpenApiContract contract;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    mail = MailTrap.start();
    provider = OidcProvider.start();
    String keys =
        Files.createTempDirectory("portcullis-openapi-it-").resolve("jwks.json").toString();
    // The throttle's per-account defaults, so that its 429 can be produced. Per address an
    // allowance the other tests (all from one socket address) do not use up, but that one test can
    // within seconds: it speaks from an address of its own in X-Forwarded-For (one trusted proxy).
    // OAuth with a test OpenID Connect provider and MicroProfile JWT tokens on, so that their
    // endpoints are in the document and driven.
    return SampleDeployment.withMailTo(
        mail,
        "security.throttle_account_free_failures=5\n"
            + "security.throttle_account_lockout_failures=10\n"
            + "security.throttle_mail_account_limit=5\n"
            + "security.throttle_address_free_failures="
            + ADDRESS_FREE_FAILURES
            + "\n"
            + "security.throttle_address_lockout_failures="
            + 2 * ADDRESS_FREE_FAILURES
            + "\n"
            + "security.proxy_x_for=1\n"
            // WebAuthn on, so that the wan-* entries are checked against real answers.
            + "security.webauthn=true\n"
            + "security.wan_rp_id=localhost\n"
            + "security.wan_origins="
            + ORIGIN
            + "\n"
            + provider.configuration(PROVIDER, deadPort())
            + "security.jwt_enable=true\n"
            + "security.jwt_issuer=https://openapi-it.example.com\n"
            + "security.jwt_audience=portcullis\n"
            + "security.jwt_keys_file="
            + keys
            + "\n");
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  /** A local port nobody listens on. */
  private static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @ArquillianResource URL base;
  ApiClient client;
  SampleAccounts accounts;

  @BeforeEach
  void fetchContract() {
    client = new ApiClient(base);
    accounts = new SampleAccounts(base);
    if (contract == null) {
      contract = OpenApiContract.fetch(base);
    }
  }

  @AfterEach
  void resetClock() {
    accounts.moveClock(Duration.ZERO);
  }

  @Test
  @Order(1)
  void openApiWhenFetchedThenServerRootServesPortcullisAndSampleEndpoints() {
    JsonObject document = contract.document();

    assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Portcullis sample");
    assertThat(document.getJsonObject("paths").keySet())
        .containsExactlyInAnyOrder(
            "/api/login",
            "/api/logout",
            "/api/verify",
            "/api/register",
            "/api/confirm",
            "/api/confirm/{token}",
            "/api/reset",
            "/api/reset/{token}",
            "/api/change",
            "/api/change-email",
            "/api/change-email-confirm/{token}",
            "/api/tf-setup",
            "/api/tf-validate",
            "/api/tf-rescue",
            "/api/tf-select",
            "/api/mf-recovery-codes",
            "/api/mf-recovery",
            "/api/us-signin",
            "/api/us-signin/send-code",
            "/api/us-verify",
            "/api/us-verify/send-code",
            "/api/us-setup",
            "/api/us-setup/{state}",
            "/api/us-verify-link",
            "/api/login/oauthstart/{name}",
            "/api/login/oauthresponse/{name}",
            "/api/jwt",
            "/api/jwks",
            "/api/public",
            "/api/whoami",
            "/api/admin",
            "/api/user-read",
            "/api/wan-register",
            "/api/wan-register/{state}",
            "/api/wan-signin",
            "/api/wan-signin/{state}",
            "/api/wan-verify",
            "/api/wan-verify/{state}",
            "/api/wan-delete");
    assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").keySet())
        .contains("portcullisSession", "portcullisToken", "portcullisBasic");
    assertThat(contract.text()).doesNotContain("x-portcullis-when");
    HttpResponse<String> yaml =
        OpenApiContract.send(URI.create(base.toString()).resolve("/openapi"), "text/plain");
    assertThat(yaml.body()).contains("/api/login:", "portcullisLogin");
  }

  @Test
  @Order(1)
  void openApiWhenParsedThenValidOpenApi30ButForPayarasEndpointsList() {
    List<String> messages = new OpenAPIV3Parser().readContents(contract.text()).getMessages();

    // Payara adds a non-standard top-level "endpoints" (context root -> paths); nothing else.
    assertThat(messages).allMatch(message -> message.contains("endpoints"));
  }

  @Test
  @Order(1)
  void contractWhenAnswerNotDescribedThenFails() {
    Map<String, String> json = Map.of("Content-Type", JSON);

    assertThatThrownBy(
            () -> contract.checkAnswer("GET", "api/login", 418, json, envelope(418, "{}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                contract.checkAnswer(
                    "GET", "api/login", 200, json, envelope(200, "{\"unexpected\":1}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () -> contract.checkAnswer("GET", "api/login", 200, Map.of("Content-Type", HTML), "x"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void loginWhenAnonymousThenCsrfTokenAndIdentityAttributes() {
    Reply reply = described().get("api/login", "Accept", JSON);

    assertThat(reply.response().getJsonArray("identity_attributes")).hasSize(2);
  }

  @Test
  void loginWhenPasswordRightThenSignedInThenLoginFormShowsUserAndLoginRefused() {
    String csrf = client.csrfToken();
    Reply login =
        described()
            .postJson(
                "api/login?include_auth_token&next=%2Fsample%2Findex.xhtml",
                credentials(ADMIN, PASSWORD), "X-CSRF-Token", csrf);
    assertThat(login.response().getJsonObject("user").getString("authentication_token"))
        .isNotBlank();

    assertThat(described().get("api/login", "Accept", JSON).response().containsKey("user"))
        .isTrue();
    Reply again =
        described()
            .postJson(
                "api/login",
                credentials(ADMIN, PASSWORD),
                "X-CSRF-Token",
                login.response().getString("csrf_token"));
    assertThat(again.status()).isEqualTo(400);
  }

  @Test
  void loginWhenPasswordWrongOrFieldsMissingOrCsrfMissingThenDescribedErrors() {
    String csrf = client.csrfToken();
    Reply wrong =
        described()
            .postJson("api/login", credentials(ADMIN, "wrong-password"), "X-CSRF-Token", csrf);
    assertThat(wrong.response().getJsonObject("field_errors").keySet()).containsExactly("password");

    Reply missing = answers().postJson("api/login", "{}", "X-CSRF-Token", csrf);
    assertThat(missing.status()).isEqualTo(400);

    Reply noCsrf = described().postJson("api/login", credentials(ADMIN, PASSWORD));
    assertThat(noCsrf.response().getJsonObject("field_errors").keySet())
        .containsExactly("csrf_token");
  }

  @Test
  void loginWhenUserHasSecondFactorThenTfRequired() {
    String email = accounts.createUser("tf-");

    Reply reply =
        described()
            .postJson(
                "api/login", credentials(email, PASSWORD), "X-CSRF-Token", client.csrfToken());

    assertThat(reply.response().getBoolean("tf_required")).isTrue();
  }

  @Test
  void loginWhenFormPostedThenJsonClientSignedInAndBrowserRedirected() {
    String form = form(Map.of("email", USER, "password", PASSWORD));
    Reply json =
        described().postForm("api/login", form, "Accept", JSON, "X-CSRF-Token", client.csrfToken());
    assertThat(json.status()).isEqualTo(200);

    ApiClient browser = new ApiClient(base);
    String csrf = browser.csrfToken();
    // A browser's request asks for HTML, which the JSON API does not describe: its answer is.
    Reply page =
        contract
            .answers(browser)
            .postForm("api/login", form + "&csrf_token=" + csrf, "Accept", HTML);
    assertThat(page.status()).isEqualTo(302);
  }

  @Test
  void logoutWhenJsonPostThenEmptyResponseAndWhenGetThenRedirect() {
    accounts.signIn(client, USER);
    assertThat(described().post("api/logout", "Accept", JSON).response()).isEmpty();

    assertThat(described().get("api/logout?next=%2Fsample%2F", "Accept", JSON).status())
        .isEqualTo(302);
  }

  @Test
  void verifyWhenSignedInBySessionThenFormPasswordAndCsrfDescribed() {
    String csrf = accounts.signIn(client, USER);

    Reply form = described().get("api/verify", "Accept", JSON);
    assertThat(form.response().getBoolean("has_webauthn_verify_credential")).isFalse();
    Reply verified =
        described()
            .postJson(
                "api/verify",
                password(PASSWORD),
                "X-CSRF-Token",
                form.response().getString("csrf_token"));
    assertThat(verified.status()).isEqualTo(200);
    Reply wrong = described().postJson("api/verify", password("nope"), "X-CSRF-Token", csrf);
    assertThat(wrong.response().getJsonObject("field_errors").keySet()).containsExactly("password");
    Reply noCsrf = described().postJson("api/verify", password(PASSWORD));
    assertThat(noCsrf.response().containsKey("field_errors")).isFalse();
    assertThat(noCsrf.status()).isEqualTo(400);
  }

  @Test
  void verifyWhenAuthTokenThenNoCsrfNeeded() {
    Reply reply =
        contract
            .described(new ApiClient(base))
            .postJson(
                "api/verify?include_auth_token",
                password(PASSWORD),
                "Authentication-Token",
                accounts.token(USER));

    assertThat(reply.response().getJsonObject("user").containsKey("authentication_token")).isTrue();
  }

  @Test
  void registerWhenNewThenUserAndWhenInvalidOrTakenThenFieldErrorsAndWhenSignedInThen400() {
    assertThat(described().get("api/register", "Accept", JSON).status()).isEqualTo(200);
    String csrf = client.csrfToken();
    Reply registered =
        described()
            .postJson(
                "api/register",
                credentials(SampleAccounts.unique("reg"), STRONG),
                "X-CSRF-Token",
                csrf);
    assertThat(registered.response().containsKey("user")).isTrue();

    Reply invalid =
        described()
            .postJson("api/register", credentials("not-an-email", "short"), "X-CSRF-Token", csrf);
    assertThat(invalid.response().getJsonObject("field_errors").keySet())
        .contains("email", "password");
    Reply taken =
        described().postJson("api/register", credentials(USER, STRONG), "X-CSRF-Token", csrf);
    assertThat(taken.status()).isEqualTo(400);

    accounts.signIn(client, USER);
    assertThat(described().get("api/register", "Accept", JSON).status()).isEqualTo(400);
  }

  @Test
  void confirmWhenResentThenLinkConfirmsAndWhenUnknownThenFieldError() {
    String email = SampleAccounts.unique("conf");
    String csrf = client.csrfToken();
    client.postJson("api/register", credentials(email, STRONG), "X-CSRF-Token", csrf);
    mail.awaitMessage(email, 1, MAIL_WAIT);

    assertThat(described().get("api/confirm", "Accept", JSON).status()).isEqualTo(200);
    Reply resent = described().postJson("api/confirm", email(email), "X-CSRF-Token", csrf);
    assertThat(resent.status()).isEqualTo(200);
    Reply unknown =
        described()
            .postJson("api/confirm", email(SampleAccounts.unique("nobody")), "X-CSRF-Token", csrf);
    assertThat(unknown.response().getJsonObject("field_errors").keySet()).containsExactly("email");

    String link =
        accounts.path(MailTrap.link(mail.awaitMessage(email, 2, MAIL_WAIT), "/api/confirm/"));
    assertThat(described().get(link, "Accept", JSON).status()).isEqualTo(302);
    // The link takes no body; a POST with one is a request the document does not describe.
    assertThat(answers().postJson(link, "{}").status()).isEqualTo(302);
  }

  @Test
  void resetWhenMailedLinkUsedThenPasswordSetAndWhenUsedAgainThenFormError() {
    String email = accounts.createUser("reset-");
    assertThat(described().get("api/reset", "Accept", JSON).status()).isEqualTo(200);
    String csrf = client.csrfToken();
    assertThat(described().postJson("api/reset", email(email), "X-CSRF-Token", csrf).status())
        .isEqualTo(200);
    Reply unknown =
        described()
            .postJson("api/reset", email(SampleAccounts.unique("nobody")), "X-CSRF-Token", csrf);
    assertThat(unknown.response().getJsonObject("field_errors").keySet()).containsExactly("email");

    String link =
        accounts.path(MailTrap.link(mail.awaitMessage(email, 1, MAIL_WAIT), "/api/reset/"));
    assertThat(described().get(link, "Accept", JSON).status()).isEqualTo(302);
    Reply mismatch =
        described().postJson(link, newPassword(STRONG, "Other-Battery-77"), "X-CSRF-Token", csrf);
    assertThat(mismatch.response().getJsonObject("field_errors").keySet())
        .containsExactly("password_confirm");
    Reply reset = described().postJson(link, newPassword(STRONG, STRONG), "X-CSRF-Token", csrf);
    assertThat(reset.response()).isEmpty();
    Reply used = described().postJson(link, newPassword(STRONG, STRONG), "X-CSRF-Token", csrf);
    assertThat(used.response().getJsonObject("field_errors").keySet()).containsExactly("");
  }

  @Test
  void resetWhenSignedInThenAnonymousRequired() {
    accounts.signIn(client, USER);

    assertThat(described().get("api/reset", "Accept", JSON).status()).isEqualTo(400);
    assertThat(described().get("api/reset/" + BOGUS_TOKEN, "Accept", JSON).status()).isEqualTo(400);
  }

  @Test
  void changeWhenSessionThenFormWrongPasswordAndChangeDescribed() {
    String email = accounts.createUser("chg-");
    String csrf = accounts.signIn(client, email);

    Reply form = described().get("api/change", "Accept", JSON);
    assertThat(form.response().getBoolean("active_password")).isTrue();
    Reply wrong = described().postJson("api/change", change("nope", STRONG), "X-CSRF-Token", csrf);
    assertThat(wrong.response().getJsonObject("field_errors").keySet()).containsExactly("password");
    Reply changed =
        described().postJson("api/change", change(PASSWORD, STRONG), "X-CSRF-Token", csrf);
    assertThat(changed.status()).isEqualTo(200);
  }

  @Test
  void secretChecksWhenFailedTooOftenThen429Described() {
    // The wait after 5 failures is 1 s: the clock stands still so a slow machine cannot outwait it.
    accounts.freezeClock();
    ApiClient stranger = new ApiClient(base);
    String nobody = SampleAccounts.unique("nobody");
    assertThat(failedUntil429(stranger, "api/login", credentials(nobody, "x"))).isEqualTo(429);
    assertThat(failedUntil429(stranger, "api/reset", json("email", nobody))).isEqualTo(429);
    String another = SampleAccounts.unique("nobody");
    assertThat(failedUntil429(stranger, "api/confirm", json("email", another))).isEqualTo(429);

    String verifier = accounts.createUser("thr-v-");
    accounts.signIn(client, verifier);
    assertThat(failedUntil429(client, "api/verify", password("nope"))).isEqualTo(429);

    ApiClient changer = new ApiClient(base);
    accounts.signIn(changer, accounts.createUser("thr-c-"));
    assertThat(failedUntil429(changer, "api/change", change("nope", STRONG))).isEqualTo(429);

    String email = accounts.createUser("thr-tf-");
    ApiClient owner = new ApiClient(base);
    String csrf = accounts.signIn(owner, email);
    String key =
        owner
            .postJson("api/tf-setup", json("setup", "authenticator"), "X-CSRF-Token", csrf)
            .response()
            .getString("tf_authr_key");
    owner.postJson("api/tf-validate", json("code", totp(key, 0)), "X-CSRF-Token", csrf);
    ApiClient first = new ApiClient(base);
    first.login(email, PASSWORD, "");
    for (int i = 0; i < 5; i++) {
      assertThat(post(first, "api/tf-validate", json("code", "abc")).status()).isEqualTo(400);
    }
    ApiClient again = new ApiClient(base);
    again.login(email, PASSWORD, "");
    assertThat(post(again, "api/tf-validate", json("code", "abc")).status()).isEqualTo(429);
    assertThat(post(again, "api/mf-recovery", json("code", "0000-0000-0000")).status())
        .isEqualTo(429);

    // Mails: five requests for one email (registered, then taken), the sixth refused.
    JsonObject register = credentials(SampleAccounts.unique("crowded"), STRONG);
    assertThat(requestedUntil429(stranger, "api/register", i -> register)).isEqualTo(6);
    String prefix = SampleAccounts.unique("moving").replace("@", "-");
    assertThat(
            requestedUntil429(
                changer, "api/change-email", i -> json("email", prefix + i + "@example.com")))
        .isEqualTo(6);
  }

  /**
   * The mailed links once their client address failed too many (forged tokens here): each link's
   * 429, also where a browser would be redirected, and also for a link that would be valid.
   */
  @Test
  void mailedLinksWhenForgedTooOftenFromOneAddressThen429Described() {
    accounts.freezeClock();
    String forger = "198.51.100.77";
    ApiClient stranger = new ApiClient(base);
    for (int i = 0; i < ADDRESS_FREE_FAILURES; i++) {
      Reply forged =
          stranger.get("api/reset/forged-" + i, "Accept", JSON, "X-Forwarded-For", forger);
      assertThat(forged.status()).as("forged link %d", i).isEqualTo(302);
    }
    String csrf = stranger.csrfToken();
    String from = "X-Forwarded-For";
    Exchanges described = contract.described(stranger);

    assertThat(described.get("api/reset/" + BOGUS_TOKEN, "Accept", JSON, from, forger).status())
        .isEqualTo(429);
    assertThat(
            described
                .postJson(
                    "api/reset/" + BOGUS_TOKEN,
                    newPassword(STRONG, STRONG),
                    "X-CSRF-Token",
                    csrf,
                    from,
                    forger)
                .status())
        .isEqualTo(429);
    assertThat(described.get("api/confirm/" + BOGUS_TOKEN, "Accept", JSON, from, forger).status())
        .isEqualTo(429);
    assertThat(described.post("api/confirm/" + BOGUS_TOKEN, "Accept", JSON, from, forger).status())
        .isEqualTo(429);
    assertThat(
            described
                .get("api/change-email-confirm/" + BOGUS_TOKEN, "Accept", JSON, from, forger)
                .status())
        .isEqualTo(429);
  }

  /** Posts the {@code i}-th body to {@code path} until the answer is 429; returns which (<= 8). */
  private int requestedUntil429(
      ApiClient who, String path, java.util.function.IntFunction<JsonObject> body) {
    for (int i = 1; i <= 8; i++) {
      if (post(who, path, body.apply(i)).status() == 429) {
        return i;
      }
    }
    return -1;
  }

  /** Posts {@code body} until the answer is not 400; the throttle answers the sixth with 429. */
  private int failedUntil429(ApiClient who, String path, JsonObject body) {
    int status = 400;
    for (int i = 0; i < 6 && status == 400; i++) {
      status = post(who, path, body).status();
    }
    return status;
  }

  /** A POST with the client's CSRF token, checked against the contract. */
  private Reply post(ApiClient who, String path, JsonObject body) {
    return contract.described(who).postJson(path, body, "X-CSRF-Token", who.csrfToken());
  }

  @Test
  void changeWhenAuthTokenThenNewTokenDescribed() {
    String email = accounts.createUser("chgt-");

    Reply changed =
        contract
            .described(new ApiClient(base))
            .postJson(
                "api/change?include_auth_token",
                change(PASSWORD, STRONG),
                "Authentication-Token",
                accounts.token(email));

    assertThat(changed.response().getJsonObject("user").getString("authentication_token"))
        .isNotBlank();
  }

  @Test
  void changeEmailWhenFreshThenLinkMailedAndConfirmed() {
    String email = accounts.createUser("che-");
    String csrf = accounts.signIn(client, email);
    String target = SampleAccounts.unique("new");

    assertThat(described().get("api/change-email", "Accept", JSON).status()).isEqualTo(200);
    Reply taken = described().postJson("api/change-email", email(ADMIN), "X-CSRF-Token", csrf);
    assertThat(taken.response().getJsonObject("field_errors").keySet()).containsExactly("email");
    Reply sent = described().postJson("api/change-email", email(target), "X-CSRF-Token", csrf);
    assertThat(sent.response().getString("current_email")).isEqualTo(email);
    String link =
        accounts.path(
            MailTrap.link(mail.awaitMessage(target, 1, MAIL_WAIT), "/api/change-email-confirm/"));
    assertThat(described().get(link, "Accept", JSON).status()).isEqualTo(302);
  }

  @Test
  void changeEmailWhenSignedInLongAgoThenReauthenticationDescribed() {
    accounts.signIn(client, accounts.createUser("stale-"));

    accounts.moveClock(Duration.ofHours(48));
    Reply stale = described().get("api/change-email", "Accept", JSON);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.response().getBoolean("reauth_required")).isTrue();
    String csrf = client.csrfToken(); // the one from the login expired with the clock
    Reply stalePost =
        described()
            .postJson(
                "api/change-email", email(SampleAccounts.unique("late")), "X-CSRF-Token", csrf);
    assertThat(stalePost.status()).isEqualTo(401);
  }

  @Test
  void untrustedHostWhenLinkWouldBeMailedThen400Described() {
    String csrf = client.csrfToken();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "evil.example");
    headers.put("Content-Type", JSON);
    headers.put("X-CSRF-Token", csrf);
    headers.put("Cookie", client.cookieHeader());

    for (String[] exchange :
        new String[][] {
          {"POST", "api/reset", email(USER)},
          {"GET", "api/confirm/" + BOGUS_TOKEN, null},
          {"POST", "api/confirm/" + BOGUS_TOKEN, "{}"},
          {"GET", "api/reset/" + BOGUS_TOKEN, null}
        }) {
      RawHttp.Reply forged = RawHttp.send(base, exchange[0], exchange[1], headers, exchange[2]);
      assertThat(forged.status()).as(exchange[1]).isEqualTo(400);
      contract.checkAnswer(
          exchange[0],
          exchange[1],
          forged.status(),
          Map.of("Content-Type", forged.header("content-type").orElseThrow()),
          forged.body());
    }
  }

  @Test
  void sampleEndpointsWhenCalledThenEveryAnswerDescribed() {
    assertThat(described().get("api/public").json().getBoolean("ok")).isTrue();
    Exchanges stateless = contract.described(new ApiClient(base));
    String admin = accounts.token(ADMIN);
    String user = accounts.token(USER);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    Reply whoami = stateless.get("api/whoami", "Authentication-Token", admin);
    assertThat(whoami.json().getString("email")).isEqualTo(ADMIN);
    assertThat(stateless.get("api/whoami", "Authorization", basic).status()).isEqualTo(200);
    assertThat(stateless.get("api/admin", "Authentication-Token", admin).status()).isEqualTo(200);
    Reply notAdmin = stateless.get("api/admin", "Authentication-Token", user, "Accept", JSON);
    assertThat(notAdmin.status()).isEqualTo(403);
    Reply read = stateless.get("api/user-read", "Authentication-Token", user);
    assertThat(read.json().getBoolean("read")).isTrue();
    // A browser's request asks for HTML, which the document does not describe: its answer is.
    Reply page =
        contract
            .answers(new ApiClient(base))
            .get("api/user-read", "Authentication-Token", admin, "Accept", HTML);
    assertThat(page.status()).isEqualTo(403);
  }

  @Test
  void twoFactorWhenSetUpUsedAndRecoveredThenEveryAnswerDescribed() {
    String email = accounts.createUser("tf2-");
    String csrf = accounts.signIn(client, email);
    assertThat(described().get("api/tf-setup", "Accept", JSON).status()).isEqualTo(200);
    Reply fax = described().postJson("api/tf-setup", json("setup", "fax"), "X-CSRF-Token", csrf);
    assertThat(fax.response().getJsonObject("field_errors").keySet()).containsExactly("setup");
    Reply setup =
        described().postJson("api/tf-setup", json("setup", "authenticator"), "X-CSRF-Token", csrf);
    String key = setup.response().getString("tf_authr_key");
    assertThat(described().get("api/tf-validate", "Accept", JSON).status()).isEqualTo(200);
    Reply wrong =
        described().postJson("api/tf-validate", json("code", "abc"), "X-CSRF-Token", csrf);
    assertThat(wrong.response().getJsonObject("field_errors").keySet()).containsExactly("code");
    assertThat(
            described()
                .postJson("api/tf-validate", json("code", totp(key, 0)), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(200);
    assertThat(described().get("api/mf-recovery-codes", "Accept", JSON).status()).isEqualTo(200);
    assertThat(described().post("api/mf-recovery-codes", "Accept", JSON).status())
        .as("no CSRF token")
        .isEqualTo(400);
    Reply codes = described().post("api/mf-recovery-codes", "Accept", JSON, "X-CSRF-Token", csrf);
    String code = codes.response().getJsonArray("recovery_codes").getString(0);

    ApiClient pending = new ApiClient(base);
    String pendingCsrf = pending.login(email, PASSWORD, "").response().getString("csrf_token");
    Exchanges mid = contract.described(pending);
    assertThat(mid.get("api/tf-validate", "Accept", JSON).status()).isEqualTo(200);
    assertThat(mid.get("api/tf-rescue", "Accept", JSON).status()).isEqualTo(200);
    Reply help =
        mid.postJson("api/tf-rescue", json("help_setup", "help"), "X-CSRF-Token", pendingCsrf);
    assertThat(help.status()).isEqualTo(200);
    Reply bogus =
        contract
            .answers(pending)
            .postJson("api/tf-rescue", json("help_setup", "bogus"), "X-CSRF-Token", pendingCsrf);
    assertThat(bogus.response().getJsonObject("field_errors").keySet()).contains("help_setup");
    Reply toRecovery =
        mid.postJson(
            "api/tf-rescue", json("help_setup", "recovery_code"), "X-CSRF-Token", pendingCsrf);
    assertThat(toRecovery.status()).isEqualTo(302);
    assertThat(mid.get("api/mf-recovery", "Accept", JSON).status()).isEqualTo(200);
    Reply unknown =
        mid.postJson(
            "api/mf-recovery", json("code", "0000-0000-0000"), "X-CSRF-Token", pendingCsrf);
    assertThat(unknown.response().getJsonObject("field_errors").keySet()).containsExactly("code");
    assertThat(
            mid.postJson("api/mf-recovery", json("code", code), "X-CSRF-Token", pendingCsrf)
                .status())
        .isEqualTo(200);
    assertThat(mid.get("api/tf-rescue", "Accept", JSON).status())
        .as("signed in now")
        .isEqualTo(400);
    assertThat(mid.get("api/mf-recovery", "Accept", JSON).status()).isEqualTo(400);

    ApiClient stranger = new ApiClient(base);
    Exchanges out = contract.described(stranger);
    for (String path : List.of("api/tf-setup", "api/tf-validate", "api/tf-select")) {
      assertThat(out.get(path, "Accept", JSON).status()).as(path).isEqualTo(400);
    }
    String strangerCsrf = stranger.csrfToken();
    assertThat(
            out.postJson(
                    "api/tf-select", json("which", "authenticator"), "X-CSRF-Token", strangerCsrf)
                .status())
        .isEqualTo(400);
  }

  @Test
  void twoFactorSelectWhenSeveralFactorsThenChoiceDescribed() {
    String email = accounts.createUser("tf-");
    ApiClient owner = new ApiClient(base);
    owner.login(email, PASSWORD, "");
    owner.postJson("api/test-support/second-factor", "{}");
    String csrf = owner.csrfToken();
    String key =
        owner
            .postJson("api/tf-setup", json("setup", "authenticator"), "X-CSRF-Token", csrf)
            .response()
            .getString("tf_authr_key");
    owner.postJson("api/tf-validate", json("code", totp(key, 0)), "X-CSRF-Token", csrf);

    String selectCsrf = client.login(email, PASSWORD, "").response().getString("csrf_token");
    assertThat(described().get("api/tf-select", "Accept", JSON).status()).isEqualTo(200);
    Reply fax =
        described().postJson("api/tf-select", json("which", "fax"), "X-CSRF-Token", selectCsrf);
    assertThat(fax.response().getJsonObject("field_errors").keySet()).containsExactly("which");
    Reply chosen =
        described()
            .postJson("api/tf-select", json("which", "authenticator"), "X-CSRF-Token", selectCsrf);
    assertThat(chosen.response().getString("tf_state")).isEqualTo("ready");
  }

  @Test
  void twoFactorWhenCodesSentTooOftenThen429Described() {
    String email = accounts.createUser("tf429-");
    String csrf = accounts.signIn(client, email);
    int status = 200;
    for (int i = 0; i < 6 && status == 200; i++) {
      status =
          described()
              .postJson("api/tf-setup", json("setup", "email"), "X-CSRF-Token", csrf)
              .status();
    }
    assertThat(status).isEqualTo(429);

    String other = accounts.createUser("tf429r-");
    ApiClient owner = new ApiClient(base);
    String otherCsrf = accounts.signIn(owner, other);
    String key =
        owner
            .postJson("api/tf-setup", json("setup", "authenticator"), "X-CSRF-Token", otherCsrf)
            .response()
            .getString("tf_authr_key");
    owner.postJson("api/tf-validate", json("code", totp(key, 0)), "X-CSRF-Token", otherCsrf);
    ApiClient pending = new ApiClient(base);
    String pendingCsrf = pending.login(other, PASSWORD, "").response().getString("csrf_token");
    status = 200;
    for (int i = 0; i < 6 && status == 200; i++) {
      status =
          contract
              .described(pending)
              .postJson("api/tf-rescue", json("help_setup", "email"), "X-CSRF-Token", pendingCsrf)
              .status();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void unifiedSigninWhenSetUpVerifiedSignedInAndFloodedThenEveryAnswerDescribed() {
    String email = accounts.createUser("us-");
    String csrf = accounts.signIn(client, email);
    assertThat(described().get("api/us-setup", "Accept", JSON).status()).isEqualTo(200);
    Reply fax =
        described().postJson("api/us-setup", json("chosen_method", "fax"), "X-CSRF-Token", csrf);
    assertThat(fax.response().getJsonObject("field_errors").keySet())
        .containsExactly("chosen_method");
    Reply started =
        described().postJson("api/us-setup", json("chosen_method", "email"), "X-CSRF-Token", csrf);
    String state = started.response().getString("state");
    String setupCode = TwoFactorSteps.code(mail.awaitMail(email, 1, MAIL_WAIT).text());
    String wrongCode = setupCode.equals("000000") ? "111111" : "000000";
    assertThat(
            described()
                .postJson(
                    "api/us-setup/" + state, json("passcode", wrongCode), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(400);
    assertThat(
            described()
                .postJson(
                    "api/us-setup/" + state, json("passcode", setupCode), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(200);

    assertThat(described().get("api/us-verify", "Accept", JSON).status()).isEqualTo(200);
    assertThat(
            described()
                .postJson("api/us-verify", json("passcode", wrongCode), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(400);
    assertThat(
            described()
                .postJson(
                    "api/us-verify/send-code", json("chosen_method", "sms"), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(400);
    assertThat(
            described()
                .postJson(
                    "api/us-verify/send-code", json("chosen_method", "email"), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(200);
    String verifyCode = TwoFactorSteps.code(mail.awaitMail(email, 2, MAIL_WAIT).text());
    assertThat(
            described()
                .postJson("api/us-verify", json("passcode", verifyCode), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(200);

    ApiClient visitor = new ApiClient(base);
    Exchanges anonymous = contract.described(visitor);
    assertThat(anonymous.get("api/us-signin", "Accept", JSON).status()).isEqualTo(200);
    String visitorCsrf = visitor.csrfToken();
    Reply wrong =
        anonymous.postJson(
            "api/us-signin",
            jakarta.json.Json.createObjectBuilder()
                .add("identity", email)
                .add("passcode", wrongCode)
                .build(),
            "X-CSRF-Token",
            visitorCsrf);
    assertThat(wrong.response().getJsonObject("field_errors").keySet()).containsExactly("passcode");
    JsonObject sendSms =
        jakarta.json.Json.createObjectBuilder()
            .add("identity", email)
            .add("chosen_method", "sms")
            .build();
    assertThat(
            anonymous
                .postJson("api/us-signin/send-code", sendSms, "X-CSRF-Token", visitorCsrf)
                .status())
        .isEqualTo(400);
    JsonObject sendEmail =
        jakarta.json.Json.createObjectBuilder()
            .add("identity", email)
            .add("chosen_method", "email")
            .build();
    assertThat(
            anonymous
                .postJson("api/us-signin/send-code", sendEmail, "X-CSRF-Token", visitorCsrf)
                .status())
        .isEqualTo(200);
    String signinCode = TwoFactorSteps.code(mail.awaitMail(email, 3, MAIL_WAIT).text());
    assertThat(
            anonymous
                .postJson(
                    "api/us-signin?include_auth_token",
                    jakarta.json.Json.createObjectBuilder()
                        .add("identity", email)
                        .add("passcode", signinCode)
                        .build(),
                    "X-CSRF-Token",
                    visitorCsrf)
                .status())
        .isEqualTo(200);

    // Three codes went out; the limit is five per user: two more, then 429 everywhere.
    int status = 200;
    for (int i = 0; i < 3 && status == 200; i++) {
      status =
          described()
              .postJson(
                  "api/us-verify/send-code", json("chosen_method", "email"), "X-CSRF-Token", csrf)
              .status();
    }
    assertThat(status).isEqualTo(429);
    assertThat(
            described()
                .postJson(
                    "api/us-verify/send-code", json("chosen_method", "email"), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(429);
    assertThat(
            described()
                .postJson(
                    "api/us-setup",
                    jakarta.json.Json.createObjectBuilder()
                        .add("chosen_method", "sms")
                        .add("phone", "+16502530001")
                        .build(),
                    "X-CSRF-Token",
                    csrf)
                .status())
        .isEqualTo(429);
    ApiClient another = new ApiClient(base);
    assertThat(
            contract
                .described(another)
                .postJson("api/us-signin/send-code", sendEmail, "X-CSRF-Token", another.csrfToken())
                .status())
        .isEqualTo(429);
  }

  /**
   * OAuth sign-in (issue 11): the start redirects to the provider, the provider's answer signs in
   * (JSON: the answer of {@code /login}); a start without CSRF token, an answer that was not
   * started in this client and an unknown provider are refused as described.
   */
  @Test
  void oauthWhenStartedAndAnsweredThenSignedInAndFailuresDescribed() {
    String email = accounts.createUser("oauth-");
    String csrf = client.csrfToken();
    Reply start =
        described().post("api/login/oauthstart/" + PROVIDER, "Accept", JSON, "X-CSRF-Token", csrf);
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.header("Location").orElseThrow()).startsWith(provider.issuer());
    provider.nextSignIn(email);
    Reply authorize = client.get(start.header("Location").orElseThrow());
    assertThat(authorize.status()).as("the provider signs in without a page").isEqualTo(302);
    String callback = authorize.header("Location").orElseThrow();
    assertThat(callback).startsWith(base + "api/login/oauthresponse/" + PROVIDER + "?");
    Reply signedIn = described().get(callback.substring(base.toString().length()), "Accept", JSON);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);

    ApiClient other = new ApiClient(base);
    Exchanges otherExchanges = contract.described(other);
    assertThat(
            otherExchanges
                .post("api/login/oauthstart/" + PROVIDER, "Accept", JSON)
                .response()
                .getJsonObject("field_errors")
                .keySet())
        .containsExactly("csrf_token");
    assertThat(
            otherExchanges
                .post(
                    "api/login/oauthstart/nobody",
                    "Accept",
                    JSON,
                    "X-CSRF-Token",
                    other.csrfToken())
                .status())
        .isEqualTo(404);
    assertThat(
            otherExchanges
                .get(
                    "api/login/oauthresponse/" + PROVIDER + "?code=forged&state=forged",
                    "Accept",
                    JSON)
                .status())
        .as("not started in this client")
        .isEqualTo(400);
    assertThat(
            otherExchanges
                .get("api/login/oauthresponse/nobody?code=x&state=y", "Accept", JSON)
                .status())
        .isEqualTo(404);
  }

  /**
   * MicroProfile JWT tokens (issue 11): a signed-in caller gets a token whose {@code kid} is in the
   * published JWK Set; a session caller without the CSRF token is refused as described.
   */
  @Test
  void jwtWhenSignedInThenTokenAndItsKeyPublishedAndWithoutCsrfRefusedDescribed() {
    String csrf = accounts.signIn(client, USER);
    Reply issued = described().post("api/jwt", "Accept", JSON, "X-CSRF-Token", csrf);
    assertThat(issued.status()).isEqualTo(200);
    String token = issued.response().getString("access_token");
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

    Reply keys = described().get("api/jwks", "Accept", JSON);
    assertThat(keys.status()).isEqualTo(200);
    String kid = keys.json().getJsonArray("keys").getJsonObject(0).getString("kid");
    assertThat(header).contains("\"kid\":\"" + kid + "\"");
    assertThat(keys.body()).as("public keys only").doesNotContain("\"d\"");

    Reply noCsrf = described().post("api/jwt", "Accept", JSON);
    assertThat(noCsrf.status()).isEqualTo(400);
  }

  @Test
  void webAuthnWhenRegisteredSignedInVerifiedDeletedAndFloodedThenEveryAnswerDescribed() {
    String email = accounts.createUser("wan-");
    String csrf = accounts.signIn(client, email);
    WebAuthnClient key = new WebAuthnClient(ORIGIN);
    assertThat(described().get("api/wan-register", "Accept", JSON).status()).isEqualTo(200);
    Reply refused = startWan("api/wan-register", registerBody(), csrf);
    assertThat(
            described()
                .postJson(
                    "api/wan-register/" + wanState(refused),
                    json("credential", "{}"),
                    "X-CSRF-Token",
                    csrf)
                .status())
        .isEqualTo(400);
    Reply creation = startWan("api/wan-register", registerBody(), csrf);
    assertThat(
            finishWan(described(), "api/wan-register/", creation, key.create(creation.body()), csrf)
                .status())
        .isEqualTo(200);
    Reply nameInUse =
        described().postJson("api/wan-register", registerBody().build(), "X-CSRF-Token", csrf);
    assertThat(nameInUse.response().getJsonObject("field_errors").keySet()).containsExactly("name");
    // Signed in already: a first-factor sign-in is refused.
    assertThat(described().get("api/wan-signin", "Accept", JSON).status()).isEqualTo(400);

    assertThat(described().get("api/wan-verify", "Accept", JSON).status()).isEqualTo(200);
    Reply badVerify = startWan("api/wan-verify", jakarta.json.Json.createObjectBuilder(), csrf);
    assertThat(finishWan(described(), "api/wan-verify/", badVerify, "{}", csrf).status())
        .isEqualTo(400);
    Reply verify = startWan("api/wan-verify", jakarta.json.Json.createObjectBuilder(), csrf);
    assertThat(
            finishWan(described(), "api/wan-verify/", verify, key.get(verify.body()), csrf)
                .status())
        .isEqualTo(200);

    ApiClient visitor = new ApiClient(base);
    Exchanges anonymous = contract.described(visitor);
    assertThat(anonymous.get("api/wan-signin", "Accept", JSON).status()).isEqualTo(200);
    String visitorCsrf = visitor.csrfToken();
    Reply badSignin =
        anonymous.postJson(
            "api/wan-signin",
            jakarta.json.Json.createObjectBuilder().build(),
            "X-CSRF-Token",
            visitorCsrf);
    assertThat(badSignin.status()).isEqualTo(200);
    assertThat(finishWan(anonymous, "api/wan-signin/", badSignin, "{}", visitorCsrf).status())
        .isEqualTo(400);
    Reply signin =
        anonymous.postJson(
            "api/wan-signin",
            jakarta.json.Json.createObjectBuilder().build(),
            "X-CSRF-Token",
            visitorCsrf);
    Reply signedIn =
        finishWan(anonymous, "api/wan-signin/", signin, key.get(signin.body()), visitorCsrf);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.response().getString("post_login_url")).isNotBlank();

    // Assertions from another origin are failures of the owner's secret: 429 once locked out.
    key.origin("http://phishing.example:8080");
    int status = 400;
    for (int i = 0; i < 12 && status == 400; i++) {
      ApiClient phished = new ApiClient(base);
      Exchanges flooded = contract.described(phished);
      String floodCsrf = phished.csrfToken();
      Reply options =
          flooded.postJson(
              "api/wan-signin",
              jakarta.json.Json.createObjectBuilder().build(),
              "X-CSRF-Token",
              floodCsrf);
      status =
          finishWan(flooded, "api/wan-signin/", options, key.get(options.body()), floodCsrf)
              .status();
    }
    assertThat(status).isEqualTo(429);
    key.origin(ORIGIN);
    Reply locked = startWan("api/wan-verify", jakarta.json.Json.createObjectBuilder(), csrf);
    assertThat(
            finishWan(described(), "api/wan-verify/", locked, key.get(locked.body()), csrf)
                .status())
        .isEqualTo(429);

    assertThat(described().get("api/wan-delete", "Accept", JSON).status()).isEqualTo(200);
    assertThat(
            described()
                .postJson("api/wan-delete", json("name", "nope"), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(400);
    assertThat(
            described()
                .postJson("api/wan-delete", json("name", "passkey"), "X-CSRF-Token", csrf)
                .status())
        .isEqualTo(200);
  }

  @Test
  void everyOperationWhenBrowserAsksThenRedirectDescribed() {
    new ContractSweeps(contract, base, PATH_VALUES).browserRedirects();
  }

  @Test
  void everyAuthenticatedOperationWhenNobodySignedInThen401Described() {
    new ContractSweeps(contract, base, PATH_VALUES).unauthenticated();
  }

  @Test
  void everyOperationWithBodyWhenBodyTooLargeOrMalformedThen413Or400Described() {
    new ContractSweeps(contract, base, PATH_VALUES).unreadableBodies(USER);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void contractWhenEveryTestRanThenEveryDocumentedStatusWasProduced() {
    assertThat(contract.unseen("/api/")).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private Exchanges described() {
    return contract.described(client);
  }

  private static jakarta.json.JsonObjectBuilder registerBody() {
    return jakarta.json.Json.createObjectBuilder().add("name", "passkey").add("usage", "first");
  }

  /** POST {@code path} (options), described; 200 expected. */
  private Reply startWan(String path, jakarta.json.JsonObjectBuilder body, String csrf) {
    Reply options = described().postJson(path, body.build(), "X-CSRF-Token", csrf);
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    return options;
  }

  private static Reply finishWan(
      Exchanges exchanges, String path, Reply options, String credential, String csrf) {
    return exchanges.postJson(
        path + wanState(options), json("credential", credential), "X-CSRF-Token", csrf);
  }

  private static String wanState(Reply options) {
    return options.response().getString("wan_state");
  }

  private static JsonObject json(String name, String value) {
    return jakarta.json.Json.createObjectBuilder().add(name, value).build();
  }

  /** The RFC 6238 code of {@code key} for the step now plus {@code ahead}. */
  private static String totp(String key, int ahead) {
    return Rfc6238.code(key, Rfc6238.step(java.time.Instant.now()) + ahead);
  }

  private Exchanges answers() {
    return contract.answers(client);
  }
}
