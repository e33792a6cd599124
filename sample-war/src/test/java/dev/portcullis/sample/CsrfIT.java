package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSRF tokens of clients without a server session (Flask keeps them in its signed session cookie),
 * against the sample on a real Payara Micro: anonymous JSON clients and anonymous visitors of the
 * login page cost no server session, their token is bound to the signed {@code fs_csrf} cookie, and
 * a forged cookie or another client's token is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT {

  static final String JSON = "application/json";
  static final String HTML = "text/html,application/xhtml+xml";
  static final String USER = "user@example.com";
  static final String PASSWORD = "Password123!";
  static final String CSRF_COOKIE = "fs_csrf";
  static final String LOGIN_PAGE = "security/login_user.xhtml";
  static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf_token\"[^>]*value=\"([^\"]+)\"");

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

  @Test
  void loginGetWhenFloodOfAnonymousJsonClientsThenNoServerSession() {
    int before = liveSessions();
    int sessionCookies = 0;
    for (int i = 0; i < 200; i++) {
      client.clearCookies();
      Reply reply = client.get("api/login", "Accept", JSON);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.response().getString("csrf_token")).isNotBlank();
      sessionCookies +=
          (int)
              reply.raw().headers().allValues("Set-Cookie").stream()
                  .filter(cookie -> cookie.startsWith("JSESSIONID="))
                  .count();
    }
    for (String other : new String[] {"api/register", "api/reset", "api/confirm"}) {
      client.clearCookies();
      Reply reply = client.get(other, "Accept", JSON);
      assertThat(reply.response().getString("csrf_token")).as(other).isNotBlank();
      assertThat(client.cookie("JSESSIONID")).as(other).isEmpty();
    }
    assertThat(liveSessions()).as("live server sessions").isLessThanOrEqualTo(before);
    assertThat(sessionCookies).as("replies with a session cookie").isZero();
  }

  @Test
  void loginGetWhenAnonymousThenCsrfBoundToSignedHttpOnlyLaxCookie() {
    Reply reply = client.get("api/login", "Accept", JSON);
    String setCookie =
        reply.raw().headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith(CSRF_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    // Undertow (WildFly) writes the attribute names in lower case.
    assertThat(setCookie).containsIgnoringCase("Path=" + base.getPath().replaceAll("/$", ""));
    assertThat(setCookie).doesNotContain("Secure");
    assertThat(client.cookie("JSESSIONID")).isEmpty();
    // The cookie holds the raw value, the reply the signed token: they differ.
    assertThat(client.cookie(CSRF_COOKIE).orElseThrow())
        .isNotEqualTo(reply.response().getString("csrf_token"));
  }

  @Test
  void loginWhenCsrfTokenFromCookieBoundFlowThenOkAndBothTokensWorkInTheSession() {
    String before = client.csrfToken();
    assertThat(client.cookie("JSESSIONID")).isEmpty();
    Reply login =
        client.postJson(
            "api/login",
            Json.createObjectBuilder()
                .add("email", USER)
                .add("password", PASSWORD)
                .add("csrf_token", before)
                .build());
    assertThat(login.status()).isEqualTo(200);
    assertThat(client.cookie("JSESSIONID")).isPresent();
    assertThat(client.cookie(CSRF_COOKIE)).as("moved into the session").isEmpty();
    String after = login.response().getString("csrf_token");
    assertThat(client.postJson("api/test-support/echo", "{}", "X-CSRF-Token", after).status())
        .isEqualTo(200);
    // As in Flask-Security, a token fetched before login stays valid in the signed-in session.
    assertThat(client.postJson("api/test-support/echo", "{}", "X-CSRF-Token", before).status())
        .isEqualTo(200);
  }

  @Test
  void loginWhenCsrfCookieTamperedThen400() {
    String csrf = client.csrfToken();
    String cookie = client.cookie(CSRF_COOKIE).orElseThrow();
    String tampered =
        cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("AA") ? "BB" : "AA");
    ApiClient other = new ApiClient(base);
    Reply reply =
        other.postJson(
            "api/login",
            "{\"email\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}",
            "X-CSRF-Token",
            csrf,
            "Cookie",
            CSRF_COOKIE + "=" + tampered);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(400);
    assertThat(
            reply.response().getJsonObject("field_errors").getJsonArray("csrf_token").getString(0))
        .isEqualTo("The CSRF session token is missing.");
    assertThat(other.cookie("JSESSIONID")).isEmpty();
  }

  @Test
  void loginWhenCsrfTokenFromAnotherClientsCookieThen400() {
    String victimsToken = new ApiClient(base).csrfToken();
    client.csrfToken();
    Reply reply =
        client.postJson(
            "api/login",
            "{\"email\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}",
            "X-CSRF-Token",
            victimsToken);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(
            reply.response().getJsonObject("field_errors").getJsonArray("csrf_token").getString(0))
        .isEqualTo("The CSRF tokens do not match.");
  }

  @Test
  void logoutWhenSignedInThenEarlierCsrfTokensRefused() {
    String before = client.csrfToken();
    Reply login = client.login(USER, PASSWORD, "");
    String inSession = login.response().getString("csrf_token");
    assertThat(client.postJson("api/logout", "{}").status()).isEqualTo(200);
    assertThat(client.cookie(CSRF_COOKIE)).isEmpty();
    for (String token : new String[] {before, inSession}) {
      Reply reply =
          client.postJson(
              "api/login",
              "{\"email\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}",
              "X-CSRF-Token",
              token);
      assertThat(reply.status()).isEqualTo(400);
    }
  }

  @Test
  void loginPageWhenFloodOfAnonymousBrowsersThenNoServerSession() {
    int before = liveSessions();
    int sessionCookies = 0;
    for (int i = 0; i < 50; i++) {
      client.clearCookies();
      Reply redirect = client.get("api/login", "Accept", HTML);
      assertThat(redirect.status()).isEqualTo(302);
      Reply page = client.get(redirect.header("Location").orElseThrow(), "Accept", HTML);
      assertThat(page.status()).isEqualTo(200);
      for (Reply reply : new Reply[] {redirect, page}) {
        sessionCookies +=
            (int)
                reply.raw().headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .count();
      }
    }
    assertThat(liveSessions()).as("live server sessions").isLessThanOrEqualTo(before);
    assertThat(sessionCookies).as("replies with a session cookie").isZero();
  }

  /**
   * A browser denied a protected page is sent to the login page with a flashed message: that
   * message must not cost a server session either (it rides in a signed cookie).
   */
  @Test
  void protectedPageWhenFloodOfAnonymousBrowsersThenNoServerSessionButMessageShownOnce() {
    int before = liveSessions();
    int sessionCookies = 0;
    for (int i = 0; i < 30; i++) {
      client.clearCookies();
      Reply denied = client.get("api/admin", "Accept", HTML);
      assertThat(denied.status()).isEqualTo(302);
      sessionCookies +=
          (int)
              denied.raw().headers().allValues("Set-Cookie").stream()
                  .filter(cookie -> cookie.startsWith("JSESSIONID="))
                  .count();
    }
    assertThat(liveSessions()).as("live server sessions").isLessThanOrEqualTo(before);
    assertThat(sessionCookies).as("replies with a session cookie").isZero();

    client.clearCookies();
    Reply denied = client.get("api/admin", "Accept", HTML);
    Reply page = client.get(denied.header("Location").orElseThrow(), "Accept", HTML);
    assertThat(page.body()).contains("Please sign in to view this resource.");
    Reply again = client.get(LOGIN_PAGE, "Accept", HTML);
    assertThat(again.body()).doesNotContain("Please sign in to view this resource.");
    assertThat(liveSessions()).as("live server sessions").isLessThanOrEqualTo(before);
  }

  @Test
  void flashCookieWhenForgedThenIgnored() {
    client.clearCookies();
    Reply page = client.get(LOGIN_PAGE, "Accept", HTML, "Cookie", "fs_flash=forged.message.here");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("forged");
  }

  @Test
  void loginPageWhenPostedWithTokenFromThePageThenSignedIn() {
    String token = hiddenCsrfToken(client.get(LOGIN_PAGE, "Accept", HTML));
    Reply reply = client.postForm(LOGIN_PAGE, loginForm(token), "Accept", HTML);
    assertThat(reply.status()).as(reply.body()).isEqualTo(302);
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void loginPageWhenPostedWithoutCsrfTokenThenRefusedAndNotSignedIn() {
    // A cross-site form post: whatever protects the form, it must not sign anyone in.
    client.get(LOGIN_PAGE, "Accept", HTML);
    Reply reply = client.postForm(LOGIN_PAGE, loginForm(null), "Accept", HTML);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("The CSRF token is missing.");
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void loginPageWhenPostedWithAnotherBrowsersTokenThenRefused() {
    String othersToken = hiddenCsrfToken(new ApiClient(base).get(LOGIN_PAGE, "Accept", HTML));
    client.get(LOGIN_PAGE, "Accept", HTML);
    Reply reply = client.postForm(LOGIN_PAGE, loginForm(othersToken), "Accept", HTML);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("The CSRF tokens do not match.");
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void anonymousPagesWhenVisitedThenNoServerSessionAndCsrfField() {
    int before = liveSessions();
    for (String page :
        new String[] {
          LOGIN_PAGE,
          "security/register_user.xhtml",
          "security/forgot_password.xhtml",
          "security/send_confirmation.xhtml"
        }) {
      client.clearCookies();
      Reply reply = client.get(page, "Accept", HTML);
      assertThat(reply.status()).as(page).isEqualTo(200);
      assertThat(hiddenCsrfToken(reply)).as(page).isNotBlank();
      assertThat(client.cookie("JSESSIONID")).as(page).isEmpty();
      assertThat(client.cookie(CSRF_COOKIE)).as(page).isPresent();
    }
    assertThat(liveSessions()).as("live server sessions").isLessThanOrEqualTo(before);
  }

  @Test
  void forgotPasswordPageWhenPostedWithoutCsrfTokenThenRefused() {
    client.get("security/forgot_password.xhtml", "Accept", HTML);
    Reply reply =
        client.postForm(
            "security/forgot_password.xhtml",
            "forgot-password-form=forgot-password-form&forgot-password-form_SUBMIT=1&email="
                + URLEncoder.encode(USER, StandardCharsets.UTF_8)
                + "&forgot-password-submit=Recover+password&jakarta.faces.ViewState=stateless",
            "Accept",
            HTML);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("The CSRF token is missing.");
  }

  /** The login page's form as a browser posts it; a stateless Faces view has no saved state. */
  // What a browser posts: Mojarra recognises the form by login-form=login-form, MyFaces (Open
  // Liberty) by its hidden login-form_SUBMIT field.
  private static String loginForm(String csrfToken) {
    String form =
        "login-form=login-form&login-form_SUBMIT=1&identity="
            + URLEncoder.encode(USER, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&next=&login-submit=Sign+in&jakarta.faces.ViewState=stateless";
    return csrfToken == null ? form : form + "&csrf_token=" + csrfToken;
  }

  private static String hiddenCsrfToken(Reply page) {
    Matcher matcher = HIDDEN_CSRF.matcher(page.body());
    assertThat(matcher.find()).as("csrf_token field in the page").isTrue();
    return matcher.group(1);
  }

  private int liveSessions() {
    return new ApiClient(base).get("api/test-support/sessions").json().getInt("live");
  }
}
