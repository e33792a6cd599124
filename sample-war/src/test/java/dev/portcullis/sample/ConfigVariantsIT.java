package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.OpenApiContract;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deployment with the non-default settings users reach for: generic responses, the SPA CSRF
 * cookie, SPA redirects for mailed links, unified sign-in replacing login, a token max age, a
 * disabled feature, a negative freshness (no re-authentication, so no {@code /wan-verify}), and a
 * language the application adds with its own bundle ({@code
 * WEB-INF/classes/portcullis_nl.properties}); and the OpenAPI document that follows them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigVariantsIT {

  static final String JSON = "application/json";
  static final String STRONG = "Correct-Horse-Battery-9";
  static final Duration MAIL_WAIT = Duration.ofSeconds(30);
  static final String DUTCH_BUNDLE =
      String.join(
          "\n",
          "GENERIC_AUTHN_FAILED=Aanmelden is mislukt: de identiteit of het wachtwoord klopt niet.",
          "mail.greeting=Beste %(email)s,",
          "page.login_user.title=Inloggen",
          "");

  /** The application's theme: Portcullis' custom properties, nothing else. */
  static final String THEME = ":root { --pc-accent: #6a1b9a; }\n";

  static MailTrap mail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    mail = MailTrap.start();
    return SampleDeployment.withMailTo(
            mail,
            String.join(
                "\n",
                "security.return_generic_responses=true",
                "security.csrf_cookie_name=XSRF-TOKEN",
                "security.token_max_age=60",
                "security.change_email=false",
                "security.redirect_behavior=spa",
                "security.post_confirm_view=https://spa.example.com/confirmed",
                "security.confirm_error_view=https://spa.example.com/confirm-error",
                "security.reset_view=https://spa.example.com/reset",
                "security.reset_error_view=https://spa.example.com/reset-error",
                "security.login_error_view=https://spa.example.com/login-error",
                "security.i18n_locales=en,de,fr,nl",
                "security.app_name=Example Shop",
                "security.us_signin_replaces_login=true",
                // Re-authentication never asked: /wan-verify is gone (Flask: FRESHNESS < 0).
                "security.freshness=-1 minutes",
                "security.webauthn=true",
                "security.wan_rp_id=localhost",
                ""))
        .addAsResource(
            new ByteArrayAsset(DUTCH_BUNDLE.getBytes(StandardCharsets.UTF_8)),
            "portcullis_nl.properties")
        .addAsWebResource(
            new ByteArrayAsset(THEME.getBytes(StandardCharsets.UTF_8)),
            "resources/portcullis/theme.css");
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

  /**
   * Issue 13, items 3 and 5: an application names itself in the page titles, themes the pages with
   * a {@code theme.css} of custom properties loaded after Portcullis' stylesheet, and translates or
   * overrides page texts in its own bundle; texts it does not have stay Portcullis' (English).
   */
  @Test
  void loginPageWhenApplicationNamesThemesAndTranslatesThenTitleThemeAndItsTexts() {
    Reply page =
        client.get("security/login_user.xhtml", "Accept", "text/html", "Accept-Language", "nl");
    assertThat(page.status()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("lang=\"nl\"").contains("<title>Inloggen – Example Shop</title>");
    assertThat(html).contains(">Inloggen</h1>").contains(">Password</label>");
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("<link[^>]+href=\"([^\"]+)\"").matcher(html);
    List<String> stylesheets = new java.util.ArrayList<>();
    while (links.find()) {
      stylesheets.add(links.group(1));
    }
    assertThat(stylesheets).hasSize(2);
    assertThat(stylesheets.get(0)).contains("pages.css");
    assertThat(stylesheets.get(1)).as("the theme after Portcullis' own").contains("theme.css");
    Reply theme = client.get(stylesheets.get(1).replace("&amp;", "&"));
    assertThat(theme.status()).isEqualTo(200);
    assertThat(theme.body()).isEqualTo(THEME);
    Reply pages = client.get(stylesheets.get(0).replace("&amp;", "&"));
    assertThat(pages.body()).contains("--pc-accent:");

    Reply english =
        client.get("security/login_user.xhtml", "Accept", "text/html", "Accept-Language", "en");
    assertThat(english.body()).contains("<title>Sign in – Example Shop</title>");
  }

  /**
   * Unified sign-in with generic responses (issue 8): a wrong passcode for a known identity and any
   * passcode for an unknown one get the same answer, and a code request answers every identity the
   * same, whether a code went out or not.
   */
  @Test
  void unifiedSigninWhenGenericResponsesThenKnownAndUnknownIdentitiesAnswerAlike() {
    Reply known = usPost("api/us-signin", "user@example.com", "passcode", "wrong-passcode-1");
    Reply unknown = usPost("api/us-signin", "ghost@example.com", "passcode", "wrong-passcode-1");
    assertThat(known.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(known.response()).isEqualTo(unknown.response());
    assertThat(known.response().getJsonObject("field_errors").getJsonArray("").getString(0))
        .isEqualTo("Sign-in failed: the identity or the password/passcode is wrong.");

    Reply knownCode =
        usPost("api/us-signin/send-code", "user@example.com", "chosen_method", "email");
    Reply unknownCode =
        usPost("api/us-signin/send-code", "ghost@example.com", "chosen_method", "email");
    assertThat(knownCode.status()).isEqualTo(200);
    assertThat(unknownCode.status()).isEqualTo(200);
    assertThat(knownCode.response().keySet()).isEqualTo(unknownCode.response().keySet());
    assertThat(knownCode.response().getJsonArray("code_methods"))
        .isEqualTo(unknownCode.response().getJsonArray("code_methods"));
  }

  /**
   * Issue 8: under generic responses every send-code request answers 200, sent or not; behind it an
   * unknown identity's requests are counted and bounded exactly as a user's with the email method —
   * the same limit (5 per period) reached after the same number of requests, after which neither
   * side renders a mail — while nothing is mailed for the unknown identity, no user row changes and
   * no observer hears of a send ({@code UsSecurityTokenSent}) that did not happen.
   */
  @Test
  void sendCodeWhenGenericAndFloodedThenUnknownIdentityBoundedAsAUserWithoutMailOrEvent() {
    TwoFactorSteps steps = new TwoFactorSteps(base, mail);
    String known = steps.newUser("flood-known");
    enrolEmail(steps, known);
    String unknown = "flood-ghost-" + System.nanoTime() + "@example.com";
    // a new period for both: the set-up code counted against the user
    steps.moveClock(Duration.ofMinutes(16));
    JsonObject usersBefore = steps.support().get("api/test-support/users-checksum").json();
    long usSentBefore = steps.events().stream().filter(e -> e.startsWith("sync:us-sent:")).count();

    for (int i = 0; i < 7; i++) {
      assertThat(usPost("api/us-signin/send-code", known, "chosen_method", "email").status())
          .isEqualTo(200);
      assertThat(usPost("api/us-signin/send-code", unknown, "chosen_method", "email").status())
          .isEqualTo(200);
    }

    JsonObject sends =
        steps
            .support()
            .get("api/test-support/code-sends?email=" + known + "&identity=" + unknown)
            .json();
    assertThat(sends.getInt("user")).as("the user's sends, bounded").isEqualTo(5);
    assertThat(sends.getInt("stand_in")).as("the unknown identity's, bounded alike").isEqualTo(5);
    mail.awaitMail(known, 6, MAIL_WAIT);
    assertThat(mail.messagesFor(unknown)).isEmpty();
    List<String> usSent =
        steps.events().stream().filter(e -> e.startsWith("sync:us-sent:")).toList();
    assertThat(usSent).hasSize((int) usSentBefore + 5);
    assertThat(usSent).noneMatch(e -> e.contains(unknown));
    assertThat(steps.support().get("api/test-support/users-checksum").json())
        .as("no user made, changed or counted for the unknown identity")
        .isEqualTo(usersBefore);
    assertThat(mail.messagesFor(known)).as("one set-up code, then 5 of the 7 asked for").hasSize(6);
  }

  /**
   * A refused magic link under {@code security.redirect_behavior=spa} goes to the SPA's {@code
   * login_error_view} with the reason, and the query says nothing of whose link it was or of its
   * code.
   */
  @Test
  void magicLinkWhenRefusedAndSpaThenLoginErrorViewWithReasonOnly() {
    Reply refused = client.get("api/us-verify-link?id=x&code=424242", "Accept", "text/html");
    assertThat(refused.status()).isEqualTo(302);
    String location = refused.header("Location").orElseThrow();
    assertThat(location).startsWith("https://spa.example.com/login-error?");
    assertThat(location).containsPattern("\\?(error|info)=").doesNotContain("424242");
    assertThat(location).doesNotContain("email=").doesNotContain("identity=");
  }

  /**
   * A magic link that signs in under {@code security.redirect_behavior=spa} (spec §1.2 #23): 302 to
   * {@code post_login_view?email=..&identity=..} as Flask-Security, never a token in the URL, also
   * when the send-code request carried a {@code next} (Flask's SPA answer has none); the session is
   * signed in.
   */
  @Test
  void magicLinkWhenSignedInAndSpaThenPostLoginViewWithEmailAndIdentity() {
    TwoFactorSteps steps = new TwoFactorSteps(base, mail);
    String email = steps.newUser("spa-link");
    enrolEmail(steps, email);
    String link = mailedMagicLink(steps, email, 2);

    ApiClient browser = new ApiClient(base);
    Reply followed = browser.get(path(link), "Accept", "text/html");
    assertThat(followed.status()).isEqualTo(302);
    URI location = URI.create(followed.header("Location").orElseThrow());
    assertThat(location.getRawPath()).endsWith("/index.xhtml");
    assertThat(queryOf(location))
        .containsExactly(
            java.util.Map.entry("email", email), java.util.Map.entry("identity", email));
    assertThat(browser.get("api/whoami", "Accept", JSON).json().getString("email"))
        .isEqualTo(email);
  }

  /**
   * A magic link of a user with a second factor under SPA redirects (spec §1.2 #23: magic links do
   * not carry a second factor for SPAs): 302 to {@code login_error_view?tf_required=1&email=..
   * &identity=..}, nobody signed in; the pending second-factor state is begun, so the SPA goes on
   * with {@code /tf-validate} on that session.
   */
  @Test
  void magicLinkWhenSecondFactorDueAndSpaThenLoginErrorViewWithTfRequired() {
    TwoFactorSteps steps = new TwoFactorSteps(base, mail);
    String email = steps.newUser("spa-link-tf");
    enrolEmail(steps, email);
    String key = steps.enrolAuthenticator(email);
    String link = mailedMagicLink(steps, email, 2);

    ApiClient browser = new ApiClient(base);
    Reply followed = browser.get(path(link), "Accept", "text/html");
    assertThat(followed.status()).isEqualTo(302);
    URI location = URI.create(followed.header("Location").orElseThrow());
    assertThat(location.toString()).startsWith("https://spa.example.com/login-error?");
    assertThat(queryOf(location))
        .containsExactly(
            java.util.Map.entry("tf_required", "1"),
            java.util.Map.entry("email", email),
            java.util.Map.entry("identity", email));
    assertThat(browser.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);

    // enrolment used the current step; a later step of the window passes
    Reply validated = steps.validate(browser, Rfc6238.code(key, steps.step() + 3));
    assertThat(validated.status()).isEqualTo(200);
    assertThat(browser.get("api/whoami", "Accept", JSON).json().getString("email"))
        .isEqualTo(email);
  }

  /** Sets up the email method of {@code email} (its first mail is the set-up code). */
  private void enrolEmail(TwoFactorSteps steps, String email) {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply started =
        steps.post(owner, "api/us-setup", Json.createObjectBuilder().add("chosen_method", "email"));
    assertThat(started.status()).isEqualTo(200);
    String code = TwoFactorSteps.code(mail.awaitMail(email, 1, MAIL_WAIT).text());
    Reply done =
        steps.post(
            owner,
            "api/us-setup/" + started.response().getString("state"),
            Json.createObjectBuilder().add("passcode", code));
    assertThat(done.status()).isEqualTo(200);
  }

  /** The magic link of the {@code n}-th mail, asked for with a {@code next}. */
  private String mailedMagicLink(TwoFactorSteps steps, String email, int n) {
    ApiClient asker = new ApiClient(base);
    Reply sent =
        steps.post(
            asker,
            "api/us-signin/send-code?next=/private/page",
            Json.createObjectBuilder().add("identity", email).add("chosen_method", "email"));
    assertThat(sent.status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMail(email, n, MAIL_WAIT).text(), "us-verify-link");
    assertThat(link).contains("next=");
    return link;
  }

  /** The decoded query parameters of {@code location}, in their order. */
  private static List<java.util.Map.Entry<String, String>> queryOf(URI location) {
    return java.util.Arrays.stream(location.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .map(
            kv ->
                java.util.Map.entry(
                    java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8)))
        .toList();
  }

  /**
   * With {@code security.us_signin_replaces_login} the unified sign-in page is the sign-in page: it
   * does not send browsers on to the password login page.
   */
  @Test
  void usSigninPageWhenItReplacesLoginThenNoLinkToThePasswordLoginPage() {
    Reply page = client.get("security/us_signin.xhtml", "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"us-signin-form\"").doesNotContain("id=\"login-link\"");
  }

  private Reply usPost(String path, String identity, String field, String value) {
    ApiClient fresh = new ApiClient(base);
    return fresh.postJson(
        path,
        Json.createObjectBuilder()
            .add("identity", identity)
            .add(field, value)
            .add("csrf_token", fresh.csrfToken())
            .build());
  }

  /**
   * The served OpenAPI document follows this configuration (no change-email paths) and still
   * describes the answers that generic responses and SPA redirects change.
   */
  @Test
  void openApiWhenFeatureOffAndGenericResponsesThenDocumentFollowsAndDescribesAnswers() {
    OpenApiContract contract = OpenApiContract.fetch(base);
    assertThat(contract.document().getJsonObject("paths").keySet())
        .contains("/api/register", "/api/reset")
        .doesNotContain("/api/change-email", "/api/change-email-confirm/{token}");
    var exchanges = contract.described(client);
    String csrf = client.csrfToken();

    Reply login =
        exchanges.postJson(
            "api/login",
            "{\"email\":\"user@example.com\",\"password\":\"wrong-1\"}",
            "X-CSRF-Token",
            csrf);
    assertThat(login.response().getJsonObject("field_errors").keySet()).containsExactly("");
    String taken = "{\"email\":\"user@example.com\",\"password\":\"" + STRONG + "\"}";
    Reply register = exchanges.postJson("api/register", taken, "X-CSRF-Token", csrf);
    assertThat(register.response().keySet()).containsExactly("csrf_token");
    Reply reset =
        exchanges.postJson(
            "api/reset",
            "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\"}",
            "X-CSRF-Token",
            csrf);
    assertThat(reset.status()).isEqualTo(200);
    Reply link = exchanges.get("api/confirm/not-a-token", "Accept", JSON);
    assertThat(link.header("Location").orElseThrow()).startsWith("https://spa.example.com/");
  }

  /**
   * Issue 9: with {@code security.freshness} negative nothing asks for re-authentication, so {@code
   * /wan-verify} is not there (Flask-Security does not register it): its three routes answer 404 in
   * the envelope, to a signed-in caller too, and its page is a 404; the other WebAuthn endpoints
   * serve, and the OpenAPI document leaves it out.
   */
  @Test
  void wanVerifyWhenFreshnessNegativeThen404InTheEnvelopeWhileWanSigninServes() {
    ApiClient signedIn = new ApiClient(base);
    assertThat(signedIn.login("user@example.com", "Password123!", "").status()).isEqualTo(200);
    String csrf = signedIn.csrfToken();

    List<Reply> gone =
        List.of(
            signedIn.get("api/wan-verify", "Accept", JSON),
            signedIn.postJson("api/wan-verify", "{}", "X-CSRF-Token", csrf),
            signedIn.postJson(
                "api/wan-verify/any-state", "{\"credential\":\"{}\"}", "X-CSRF-Token", csrf),
            client.postJson("api/wan-verify", "{}", "X-CSRF-Token", client.csrfToken()));

    for (Reply reply : gone) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(404);
    }
    assertThat(signedIn.get("security/wan_verify.xhtml", "Accept", "text/html").status())
        .isEqualTo(404);
    assertThat(signedIn.get("api/wan-register", "Accept", JSON).status())
        .as("fresh without asking")
        .isEqualTo(200);
    assertThat(client.postJson("api/wan-signin", "{}", "X-CSRF-Token", client.csrfToken()).status())
        .isEqualTo(200);
    assertThat(OpenApiContract.fetch(base).document().getJsonObject("paths").keySet())
        .contains("/api/wan-signin", "/api/wan-register")
        .doesNotContain("/api/wan-verify", "/api/wan-verify/{state}");
  }

  @Test
  void loginWhenWrongPasswordOrUnknownUserThenSameGenericFormError() {
    Reply wrong = client.login("user@example.com", "wrong-password", "");
    Reply unknown = client.login("nobody-" + System.nanoTime() + "@example.com", "whatever1", "");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.response().getJsonObject("field_errors").toString())
        .isEqualTo("{\"\":[\"Sign-in failed: the identity or the password/passcode is wrong.\"]}");
    assertThat(unknown.response().getJsonObject("field_errors"))
        .isEqualTo(wrong.response().getJsonObject("field_errors"));
  }

  @Test
  void registerWhenEmailTakenThenLooksRegisteredAndOwnerIsMailed() {
    Reply reply = register("user@example.com");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.response().keySet()).containsExactly("csrf_token");
    String mailed = mail.awaitMessage("user@example.com", 1, MAIL_WAIT);
    assertThat(mailed).contains("/api/reset");
  }

  @Test
  void registerWhenNewEmailThenSameAnswerAsTakenEmail() {
    Reply reply = register("fresh-" + System.nanoTime() + "@example.com");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.response().keySet()).containsExactly("csrf_token");
  }

  @Test
  void registerWhenEmailTakenAndPasswordWeakThenSameErrorsAsForANewEmail() {
    Reply taken = register("user@example.com", "short");
    Reply fresh = register("fresh-" + System.nanoTime() + "@example.com", "short");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.response().getJsonObject("field_errors").keySet()).containsExactly("password");
    assertThat(taken.response().getJsonObject("field_errors"))
        .isEqualTo(fresh.response().getJsonObject("field_errors"));
  }

  @Test
  void forgotWhenUnknownEmailThenLooksSent() {
    String csrf = client.csrfToken();
    Reply reply =
        client.postJson(
            "api/reset",
            "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\"}",
            "X-CSRF-Token",
            csrf);
    assertThat(reply.status()).isEqualTo(200);
  }

  /**
   * Unknown and taken addresses cost the work of real ones (issue 6, defect 10): their stand-in
   * mails are written to the outbox and discarded in the same transaction. Nothing reaches them,
   * and the owner gets exactly the real mails.
   */
  @Test
  void forgotConfirmRegisterWhenUnknownOrTakenThenSameAnswerAndNoStandInMailDelivered() {
    String owner = "owner-" + System.nanoTime() + "@example.com";
    String nobody = "nobody-" + System.nanoTime() + "@example.com";
    assertThat(register(owner).status()).isEqualTo(200);
    mail.awaitMessage(owner, 1, MAIL_WAIT);

    assertThat(post("api/reset", nobody).status()).isEqualTo(200);
    assertThat(post("api/confirm", nobody).status()).isEqualTo(200);
    assertThat(register(owner).status()).isEqualTo(200);
    assertThat(post("api/confirm", owner).status()).isEqualTo(200);

    List<String> mails =
        IntStream.rangeClosed(1, 3).mapToObj(n -> mail.awaitMessage(owner, n, MAIL_WAIT)).toList();
    // Welcome, "you already have an account", confirmation instructions; no stand-in welcome.
    assertThat(mails).filteredOn(m -> m.contains("/api/confirm/")).hasSize(2);
    assertThat(mails).filteredOn(m -> m.contains("/api/reset")).hasSize(1);
    assertThat(mail.messagesFor(owner)).hasSize(3);
    assertThat(mail.messagesFor(nobody)).isEmpty();
  }

  @Test
  void csrfCookieWhenGetLoginThenSetAndAcceptedAsHeader() {
    client.get("api/login", "Accept", JSON);
    String cookie = client.cookie("XSRF-TOKEN").orElseThrow();
    assertThat(client.cookie("JSESSIONID")).as("anonymous clients have no session").isEmpty();
    Reply login =
        client.postJson(
            "api/login",
            "{\"email\":\"user@example.com\",\"password\":\"Password123!\"}",
            "X-XSRF-Token",
            cookie);
    assertThat(login.status()).isEqualTo(200);
    String afterLogin = client.cookie("XSRF-TOKEN").orElseThrow();
    Reply echo = client.postJson("api/test-support/echo", "{}", "X-XSRF-Token", afterLogin);
    assertThat(echo.status()).isEqualTo(200);
  }

  @Test
  void tokenWhenOlderThanMaxAgeThen401() {
    String token =
        client
            .login("user@example.com", "Password123!", "?include_auth_token")
            .response()
            .getJsonObject("user")
            .getString("authentication_token");
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", token, "Accept", JSON)
                .status())
        .isEqualTo(200);
    moveClock(Duration.ofSeconds(61));
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", token, "Accept", JSON)
                .status())
        .isEqualTo(401);
  }

  @Test
  void changeEmailWhenFeatureDisabledThen404Envelope() {
    Reply reply = client.get("api/change-email", "Accept", JSON);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(404);
  }

  @Test
  void confirmLinkWhenSpaThenRedirectsToSpaViewsWithQueryParameters() {
    String email = "spa-" + System.nanoTime() + "@example.com";
    register(email);
    String link = MailTrap.link(mail.awaitMessage(email, 1, MAIL_WAIT), "/api/confirm/");
    Reply bad = client.get(path(link) + "x");
    assertThat(bad.header("Location").orElseThrow())
        .startsWith("https://spa.example.com/confirm-error?error=");
    Reply good = client.get(path(link));
    assertThat(good.status()).isEqualTo(302);
    assertThat(good.header("Location").orElseThrow())
        .startsWith("https://spa.example.com/confirmed?success=")
        .contains("email=" + email.replace("@", "%40"));
  }

  @Test
  void resetLinkWhenSpaThenRedirectsToResetViewWithToken() {
    String csrf = client.csrfToken();
    client.postJson("api/reset", "{\"email\":\"admin@example.com\"}", "X-CSRF-Token", csrf);
    String link =
        MailTrap.link(mail.awaitMessage("admin@example.com", 1, MAIL_WAIT), "/api/reset/");
    Reply reply = client.get(path(link));
    assertThat(reply.header("Location").orElseThrow())
        .startsWith("https://spa.example.com/reset?token=");
    Reply bad = client.get(path(link) + "x");
    assertThat(bad.header("Location").orElseThrow())
        .startsWith("https://spa.example.com/reset-error?error=");
  }

  @Test
  void loginWhenAcceptLanguageGermanOrFrenchThenErrorInThatLanguageElseEnglish() {
    assertThat(failedLogin("de-DE,de;q=0.9,en;q=0.8"))
        .isEqualTo("Die Anmeldung ist fehlgeschlagen: Kennung oder Passwort/Code ist falsch.");
    assertThat(failedLogin("fr-CA"))
        .isEqualTo("La connexion a échoué : l'identifiant ou le mot de passe/code est incorrect.");
    assertThat(failedLogin("ja,en;q=0.1"))
        .isEqualTo("Sign-in failed: the identity or the password/passcode is wrong.");
  }

  @Test
  void registerWhenAcceptLanguageGermanThenGermanMailWithConfirmationLink() {
    String email = "de-" + System.nanoTime() + "@example.com";
    assertThat(register(email, STRONG, "Accept-Language", "de").status()).isEqualTo(200);

    MailTrap.Mail welcome = mail.awaitMail(email, 1, MAIL_WAIT);
    assertThat(welcome.subject()).isEqualTo("Ihr neues Konto");
    assertThat(welcome.text())
        .startsWith("Hallo " + email + ",")
        .contains("für diese E-Mail-Adresse wurde ein Konto angelegt.")
        .contains("indem Sie diesen Link öffnen:")
        .contains("/api/confirm/");
    assertThat(welcome.html())
        .contains("<html lang=\"de\">")
        .contains("<title>Ihr neues Konto</title>")
        .contains("E-Mail-Adresse bestätigen</a>")
        .contains("Falls die Schaltfläche nicht funktioniert")
        .contains("/api/confirm/");
  }

  @Test
  void resetWhenAcceptLanguageFrenchThenFrenchMailAndWithoutHeaderEnglish() {
    String email = "fr-" + System.nanoTime() + "@example.com";
    register(email);
    MailTrap.Mail welcome = mail.awaitMail(email, 1, MAIL_WAIT);
    assertThat(welcome.subject()).isEqualTo("Your new account");
    assertThat(welcome.text())
        .startsWith("Hello " + email + ",")
        .contains("an account has been created for this email address.");
    assertThat(welcome.html()).contains("<html lang=\"en\">").contains("Confirm my email address");
    client.get(path(MailTrap.link(welcome.text(), "/api/confirm/")));

    assertThat(post("api/reset", email, "Accept-Language", "fr").status()).isEqualTo(200);

    MailTrap.Mail reset = mail.awaitMail(email, 2, MAIL_WAIT);
    assertThat(reset.subject()).isEqualTo("Réinitialisation de votre mot de passe");
    assertThat(reset.text())
        .startsWith("Bonjour " + email + ",")
        .contains("Pour choisir un nouveau mot de passe, ouvrez ce lien :")
        .contains("/api/reset/");
    assertThat(reset.html())
        .contains("<html lang=\"fr\">")
        .contains("Choisir un nouveau mot de passe</a>")
        .contains("Si le bouton ne fonctionne pas");
  }

  /**
   * The application's bundle adds Dutch (and {@code security.i18n_locales} offers it): its texts
   * where it has them, English where it has none.
   */
  @Test
  void languageWhenApplicationBundleAddsDutchThenItsTextsAndEnglishForTheRest() {
    assertThat(failedLogin("nl"))
        .isEqualTo("Aanmelden is mislukt: de identiteit of het wachtwoord klopt niet.");

    String email = "nl-" + System.nanoTime() + "@example.com";
    register(email, STRONG, "Accept-Language", "nl-BE");
    MailTrap.Mail welcome = mail.awaitMail(email, 1, MAIL_WAIT);
    assertThat(welcome.subject()).isEqualTo("Your new account");
    assertThat(welcome.text())
        .startsWith("Beste " + email + ",")
        .contains("an account has been created for this email address.");
    assertThat(welcome.html()).contains("<html lang=\"nl\">");
  }

  /** A JSON login with a wrong password asking for {@code acceptLanguage}; its form error. */
  private String failedLogin(String acceptLanguage) {
    String csrf = client.csrfToken();
    Reply reply =
        client.postJson(
            "api/login",
            Json.createObjectBuilder()
                .add("email", "user@example.com")
                .add("password", "wrong-password")
                .build(),
            "X-CSRF-Token",
            csrf,
            "Accept-Language",
            acceptLanguage);
    assertThat(reply.status()).isEqualTo(400);
    return reply.response().getJsonObject("field_errors").getJsonArray("").getString(0);
  }

  private Reply register(String email) {
    return register(email, STRONG);
  }

  private Reply register(String email, String password, String... headers) {
    return client.postJson(
        "api/register",
        Json.createObjectBuilder().add("email", email).add("password", password).build(),
        withCsrf(headers));
  }

  private Reply post(String path, String email, String... headers) {
    return client.postJson(
        path, Json.createObjectBuilder().add("email", email).build(), withCsrf(headers));
  }

  /** {@code headers} with a fresh CSRF token in front. */
  private String[] withCsrf(String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "X-CSRF-Token";
    all[1] = client.csrfToken();
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  private void moveClock(Duration by) {
    new ApiClient(base).postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }

  private String path(String link) {
    URI uri = URI.create(link);
    String context = URI.create(base.toString()).getRawPath();
    return uri.getRawPath().substring(context.length())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
