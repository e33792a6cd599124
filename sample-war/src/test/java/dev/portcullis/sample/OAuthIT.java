package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.GitHubStandIn;
import dev.portcullis.sample.support.GitHubStandIn.Email;
import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.OidcProvider;
import dev.portcullis.sample.support.RawHttp;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * OAuth / OpenID Connect sign-in (spec §1.2 #31/#32) against a real OpenID Connect provider running
 * in the test JVM ({@link OidcProvider}): the code flow in JSON and as a browser, and every way it
 * must fail without signing anyone in — tampered or foreign state, a code injected from another
 * browser, a replayed code, refused consent, an expired ID token, unknown and unverified emails, a
 * provider that is down — and a user with a second factor, who still has to pass it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthIT {

  static final String JSON = "application/json";
  static final String CALLBACK = "api/login/oauthresponse/test";
  static OidcProvider provider;
  static GitHubStandIn gitHub;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    provider = OidcProvider.start();
    gitHub = GitHubStandIn.start();
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + provider.configuration("test", deadPort())
            + gitHub.configuration());
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
    if (gitHub != null) {
      gitHub.close();
    }
  }

  @ArquillianResource URL base;
  ApiClient client;
  TwoFactorSteps steps;

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
    steps = new TwoFactorSteps(base, null);
  }

  @Test
  void startWhenConfiguredProviderThenRedirectsWithStatePkceAndNonceAndSetsHttpOnlyCookie() {
    Reply start = start(client, "");
    assertThat(start.status()).isEqualTo(302);
    URI location = URI.create(start.header("Location").orElseThrow());
    assertThat(location.toString()).startsWith(provider.issuer() + "/authorize");
    Map<String, String> query = query(location);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", OidcProvider.CLIENT_ID)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", base + CALLBACK)
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(query.get("scope").split(" ")).contains("openid", "email");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);
    String cookie =
        start.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("fs_oauth="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie)
        .doesNotContain(query.get("code_challenge"))
        .doesNotContain(OidcProvider.CLIENT_SECRET);
  }

  @Test
  void signInWhenVerifiedEmailOfUserThenSignedInWithAuthTokenInJson() {
    String email = steps.newUser("oauth");
    Reply done =
        client.get(
            callbackOf(client, "", () -> provider.nextSignIn(email)) + "&include_auth_token",
            "Accept",
            JSON);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.response().getJsonObject("user").getString("authentication_token"))
        .isNotBlank();
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[oauth]");
    assertThat(client.cookie("fs_oauth")).as("used once, then deleted").isEmpty();

    Reply login = new ApiClient(base).login(email, TwoFactorSteps.PASSWORD, "?include_auth_token");
    assertThat(done.response().keySet())
        .as("the same answer as POST /login")
        .isEqualTo(login.response().keySet());
    assertThat(done.response().getJsonObject("user").keySet())
        .as("the same user object as /login's (UserPayload, {} as Flask, plus the token)")
        .isEqualTo(login.response().getJsonObject("user").keySet());
  }

  /**
   * A start on a host that is not trusted builds no callback URL from it, and says so in its own
   * words (the mail links' refusal speaks of a link not mailed).
   */
  @Test
  void startWhenHostUntrustedThen400WithOAuthWordingAndNoCookie() throws Exception {
    String csrf = client.csrfToken();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "evil.example:8080");
    headers.put("Accept", JSON);
    headers.put("X-CSRF-Token", csrf);
    headers.put("Cookie", client.cookieHeader());
    RawHttp.Reply refused = RawHttp.send(base, "POST", "api/login/oauthstart/test", headers, "");
    assertThat(refused.status()).isEqualTo(400);
    var envelope = Json.createReader(new java.io.StringReader(refused.body())).readObject();
    assertThat(envelope.getJsonObject("response").getJsonArray("errors").getString(0))
        .isEqualTo(
            "This request came to an address the site does not recognise, so the sign-in with the"
                + " provider was not started. Please use the site's usual address.");
    assertThat(refused.body()).doesNotContain("evil.example").doesNotContain("mailed");
    assertThat(refused.headers())
        .as("no fs_oauth cookie")
        .noneMatch(h -> h[h.length - 1].contains("fs_oauth"));
  }

  @Test
  void signInWhenBrowserThenRedirectedToNextAndSignedIn() {
    String email = steps.newUser("oauth-browser");
    Reply done =
        client.get(
            callbackOf(
                client, "?next=/sample/index.xhtml%3Fwelcome", () -> provider.nextSignIn(email)));
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.header("Location").orElseThrow()).endsWith("/sample/index.xhtml?welcome");
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
  }

  @Test
  void answerWhenStateTamperedThenHandshakeErrorAndNobodySignedIn() {
    // Nothing queued at the provider: the answer never gets as far as the token request.
    String email = steps.newUser("oauth-tamper");
    String callback = callbackOf(client, "");
    String tampered = callback.replaceFirst("state=([^&]+)", "state=$1x");
    Reply refused = client.get(tampered, "Accept", JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("mismatching_state");
    assertThat(client.get(callback, "Accept", JSON).status())
        .as("the authorization was used up by the failed answer")
        .isEqualTo(400);
    assertNobodySignedIn(client, email);
  }

  @Test
  void answerWhenStartedInAnotherBrowserThenRefused() {
    String email = steps.newUser("oauth-victim");
    ApiClient attacker = new ApiClient(base);
    String callback = callbackOf(attacker, "");
    Reply refused = client.get(callback, "Accept", JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("mismatching_state");
    assertNobodySignedIn(client, email);
  }

  @Test
  void answerWhenCodeOfAnotherSignInInjectedWithOwnStateThenRefused() {
    String email = steps.newUser("oauth-inject");
    ApiClient attacker = new ApiClient(base);
    Map<String, String> attackers = query(URI.create(callbackOf(attacker, "")));
    Reply victimStart = start(client, "");
    String victimState =
        query(URI.create(victimStart.header("Location").orElseThrow())).get("state");
    Reply refused =
        client.get(
            CALLBACK + "?code=" + enc(attackers.get("code")) + "&state=" + enc(victimState),
            "Accept",
            JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("could not be reached");
    assertNobodySignedIn(client, email);
  }

  @Test
  void answerWhenCodeReplayedThenRefused() {
    String email = steps.newUser("oauth-replay");
    String callback = callbackOf(client, "", () -> provider.nextSignIn(email));
    String cookie = client.cookie("fs_oauth").orElseThrow();
    assertThat(client.get(callback, "Accept", JSON).status()).isEqualTo(200);

    ApiClient replayer = new ApiClient(base);
    Reply replayed = replayer.get(callback, "Accept", JSON, "Cookie", "fs_oauth=" + cookie);
    assertThat(replayed.status()).isEqualTo(400);
    // The test provider redeems a code twice; the replay still fails, at the ID token's nonce.
    assertThat(replayed.response().getJsonArray("errors").getString(0))
        .startsWith("The sign-in provider could not be reached (");
    assertThat(replayer.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void answerWhenConsentDeniedThenProviderErrorShownAndLoginPageForBrowsers() {
    Reply start = start(client, "");
    String state = query(URI.create(start.header("Location").orElseThrow())).get("state");
    String denied =
        CALLBACK + "?error=access_denied&error_description=The+user+said+no&state=" + state;
    Reply json = client.get(denied, "Accept", JSON);
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.response().getJsonArray("errors").getString(0))
        .isEqualTo(
            "The sign-in provider could not be reached (access_denied: The user said no)."
                + " Please try again.");

    ApiClient browser = new ApiClient(base);
    Reply page = browser.get(denied);
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location").orElseThrow()).contains("/security/login_user.xhtml");
  }

  @Test
  void answerWhenIdTokenExpiredThenRefused() {
    String email = steps.newUser("oauth-expired");
    Reply refused =
        client.get(
            callbackOf(
                client,
                "",
                () ->
                    provider.nextSignIn(
                        "sub-" + email, Map.of("email", email, "email_verified", true), -600)),
            "Accept",
            JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("invalid_id_token")
        .contains("expired");
    assertNobodySignedIn(client, email);
  }

  @Test
  void answerWhenIdTokenNonceDiffersFromTheStatesThenRefusedAndNothingWritten() {
    // State, cookie, code and PKCE verifier are all genuine; only the nonce the provider puts in
    // the ID token is another one than the sign-in was started with.
    String email = steps.newUser("oauth-nonce");
    Reply start = start(client, "");
    assertThat(start.status()).isEqualTo(302);
    String location = start.header("Location").orElseThrow();
    String started = query(URI.create(location)).get("nonce");
    String otherNonce = "another-nonce-" + System.nanoTime();
    provider.nextSignIn(email);
    Reply authorize = client.get(location.replaceFirst("nonce=[^&]+", "nonce=" + enc(otherNonce)));
    assertThat(authorize.status()).isEqualTo(302);
    String callback = authorize.header("Location").orElseThrow();
    assertThat(callback).startsWith(base + CALLBACK + "?");
    assertThat(otherNonce).isNotEqualTo(started);

    Reply refused = client.get(callback, "Accept", JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("invalid_id_token")
        .contains("not issued for this sign-in");
    assertNobodySignedIn(client, email);
    assertThat(client.cookie("fs_oauth")).as("the authorization is used up").isEmpty();
  }

  // --- GitHub (a stand-in of its OAuth endpoints, configured by security.oauth.github.*_url) ---

  @Test
  void gitHubWhenVerifiedPrimaryEmailOfUserThenSignedIn() {
    String email = steps.newUser("oauth-github");
    Reply done =
        client.get(
            gitHubCallback(
                client,
                () ->
                    gitHub.nextSignIn(
                        null,
                        new Email("old-" + email, false, false),
                        new Email(email, true, true),
                        new Email("work-" + email, false, true))),
            "Accept",
            JSON);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[oauth]");
  }

  @Test
  void gitHubWhenEmailOnlyUnverifiedThenNotMappedToItsUser() {
    // The public profile names the user's address too; GitHub has not verified it.
    String email = steps.newUser("oauth-github-unverified");
    Reply refused =
        client.get(
            gitHubCallback(client, () -> gitHub.nextSignIn(email, new Email(email, true, false))),
            "Accept",
            JSON);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .isEqualTo(email + " is not registered.");
    assertNobodySignedIn(client, email);
  }

  @Test
  void gitHubWhenStartedThenRedirectsToConfiguredAuthorizeUrlWithStateAndPkce() {
    Reply start =
        client.post(
            "api/login/oauthstart/github", "Accept", JSON, "X-CSRF-Token", client.csrfToken());
    assertThat(start.status()).isEqualTo(302);
    URI location = URI.create(start.header("Location").orElseThrow());
    assertThat(location.toString()).startsWith(gitHub.authorizeUrl() + "?");
    assertThat(query(location))
        .containsEntry("client_id", GitHubStandIn.CLIENT_ID)
        .containsEntry("scope", "user:email")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", base + "api/login/oauthresponse/github")
        .containsKeys("state", "code_challenge");
  }

  @Test
  void answerWhenEmailNotRegisteredThenIdentityNotRegistered() {
    String email = "nobody-" + System.nanoTime() + "@example.com";
    Reply refused =
        client.get(callbackOf(client, "", () -> provider.nextSignIn(email)), "Accept", JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors"))
        .containsExactly(Json.createValue(email + " is not registered."));
  }

  @Test
  void answerWhenEmailNotVerifiedThenNotMappedToItsUser() {
    String email = steps.newUser("oauth-unverified");
    Reply refused =
        client.get(
            callbackOf(
                client,
                "",
                () ->
                    provider.nextSignIn(
                        "sub-" + email, Map.of("email", email, "email_verified", false), 3600)),
            "Accept",
            JSON);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .isEqualTo(email + " is not registered.");
    assertNobodySignedIn(client, email);
  }

  @Test
  void answerWhenUserHasSecondFactorThenItIsStillRequired() {
    String email = steps.newUser("tf-oauth");
    Reply pending =
        client.get(callbackOf(client, "", () -> provider.nextSignIn(email)), "Accept", JSON);
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.response().getBoolean("tf_required")).isTrue();
    assertThat(pending.response().containsKey("user")).isFalse();
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);

    assertThat(client.postJson("api/test-support/second-factor", "{}").status()).isEqualTo(200);
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
  }

  @Test
  void startWhenProviderDownThenHandshakeErrorAndNoCookie() {
    Reply refused =
        client.post(
            "api/login/oauthstart/down", "Accept", JSON, "X-CSRF-Token", client.csrfToken());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .contains("provider_unreachable");
    assertThat(client.cookie("fs_oauth")).isEmpty();
  }

  @Test
  void startWhenUnknownProviderOrNoCsrfOrSignedInThenRefused() {
    String csrf = client.csrfToken();
    assertThat(
            client.post("api/login/oauthstart/nope", "Accept", JSON, "X-CSRF-Token", csrf).status())
        .isEqualTo(404);
    assertThat(client.get("api/login/oauthresponse/nope?code=x&state=y", "Accept", JSON).status())
        .isEqualTo(404);
    Reply noCsrf = new ApiClient(base).post("api/login/oauthstart/test", "Accept", JSON);
    assertThat(noCsrf.status()).isEqualTo(400);
    assertThat(noCsrf.header("Location")).isEmpty();

    steps.signIn(client, steps.newUser("oauth-signed-in"));
    Reply again = start(client, "");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.response().getJsonArray("errors").getString(0))
        .isEqualTo("You are signed in already; this is only for visitors who are not.");
  }

  // --- in Chromium ---

  @Test
  void buttonWhenClickedInChromiumThenProviderRoundTripSignsIn() throws IOException {
    assumeTrue(HeadlessChromium.installed(), "Chromium and chromedriver are installed");
    String email = steps.newUser("oauth-chromium");
    provider.nextSignIn(email);
    try (HeadlessChromium chromium = HeadlessChromium.open()) {
      WebDriver browser = chromium.driver();
      browser.get(HeadlessChromium.localhost(base) + "security/login_user.xhtml");
      WebElement button = browser.findElement(By.id("oauth-test"));
      assertThat(button.getText()).isEqualTo("Sign in with Test provider");
      button.click();
      chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
      assertThat(browser.findElement(By.id("signed-in")).getText())
          .isEqualTo("Signed in as " + email);
      assertThat(browser.manage().getCookieNamed("fs_oauth")).as("used once").isNull();
    }
  }

  @Test
  void buttonWhenEmailUnknownInChromiumThenLoginPageShowsMessage() throws IOException {
    assumeTrue(HeadlessChromium.installed(), "Chromium and chromedriver are installed");
    String email = "stranger-" + System.nanoTime() + "@example.com";
    provider.nextSignIn(email);
    try (HeadlessChromium chromium = HeadlessChromium.open()) {
      WebDriver browser = chromium.driver();
      browser.get(HeadlessChromium.localhost(base) + "security/login_user.xhtml");
      browser.findElement(By.id("oauth-test")).click();
      chromium
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("flashes"), "registered"));
      assertThat(browser.getCurrentUrl()).contains("/security/login_user.xhtml");
      assertThat(chromium.text("flashes")).isEqualTo(email + " is not registered.");
      assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
    }
  }

  // --- steps ---

  private Reply start(ApiClient who, String query) {
    return who.post(
        "api/login/oauthstart/test" + query, "Accept", JSON, "X-CSRF-Token", who.csrfToken());
  }

  /** Starts a sign-in and follows the provider's redirect; returns the callback URL it gave. */
  private String callbackOf(ApiClient who, String query) {
    return callbackOf(who, query, () -> {});
  }

  /**
   * As {@link #callbackOf(ApiClient, String)}, queuing what the provider's next token says only
   * once the start succeeded, so a failed test leaves nothing queued for the next one.
   */
  private String callbackOf(ApiClient who, String query, Runnable atProvider) {
    Reply start = start(who, query);
    assertThat(start.status()).as(start.body()).isEqualTo(302);
    atProvider.run();
    Reply authorize = who.get(start.header("Location").orElseThrow());
    assertThat(authorize.status()).as("the provider signs in without a page").isEqualTo(302);
    String callback = authorize.header("Location").orElseThrow();
    assertThat(callback).startsWith(base + CALLBACK + "?");
    return callback;
  }

  /** Starts a GitHub sign-in, queues the account at the stand-in, follows it to the callback. */
  private String gitHubCallback(ApiClient who, Runnable atGitHub) {
    Reply start =
        who.post("api/login/oauthstart/github", "Accept", JSON, "X-CSRF-Token", who.csrfToken());
    assertThat(start.status()).as(start.body()).isEqualTo(302);
    atGitHub.run();
    Reply authorize = who.get(start.header("Location").orElseThrow());
    assertThat(authorize.status()).isEqualTo(302);
    String callback = authorize.header("Location").orElseThrow();
    assertThat(callback).startsWith(base + "api/login/oauthresponse/github?");
    return callback;
  }

  private void assertNobodySignedIn(ApiClient who, String email) {
    assertThat(who.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
    assertThat(steps.events()).noneMatch(e -> e.startsWith("sync:authenticated:" + email));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
