package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleDeployment;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Portcullis pages under hostile or stale posts (issue 13, item 1): an expired, empty or forged
 * view state never gives a server error or a class name; it sends the browser back to the page with
 * a message. A posted page that does not exist is a 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageErrorsIT {

  static final String HTML = "text/html,application/xhtml+xml";
  static final List<String> ANONYMOUS_PAGES =
      List.of(
          "security/login_user.xhtml",
          "security/register_user.xhtml",
          "security/forgot_password.xhtml",
          "security/send_confirmation.xhtml",
          "security/reset_password.xhtml");
  static final List<String> SIGNED_IN_PAGES =
      List.of(
          "security/verify.xhtml", "security/change_password.xhtml", "security/change_email.xhtml");
  static final List<String> VIEW_STATES =
      List.of("", "forged", "-4242:1717", "stateless", "%00%ff", "x".repeat(5000));

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
  void anonymousPagesWhenPostedWithBadViewStateThenNoServerError() {
    for (String page : ANONYMOUS_PAGES) {
      for (String state : VIEW_STATES) {
        assertNoServerError(
            client.postForm(page, form(state, "next=%2Fsample%2F"), "Accept", HTML));
      }
    }
  }

  @Test
  void signedInPagesWhenPostedWithBadViewStateThenBackToThePageWithMessage() {
    assertThat(client.login("user@example.com", "Password123!", "").status()).isEqualTo(200);
    for (String page : SIGNED_IN_PAGES) {
      for (String state : VIEW_STATES) {
        Reply reply = client.postForm(page, form(state, "password=x"), "Accept", HTML);
        assertNoServerError(reply);
        assertThat(reply.status()).as(page + " with view state '" + state + "'").isEqualTo(302);
        assertThat(reply.header("Location").orElseThrow()).contains(page);
      }
    }
    Reply stale = client.postForm("security/verify.xhtml", form("forged", "password=x"));
    Reply page = client.get(stale.header("Location").orElseThrow(), "Accept", HTML);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Your session expired; please try again.");
  }

  @Test
  void missingPageWhenPostedWithViewStateThen404() {
    Reply reply =
        client.postForm("security/no_such_page.xhtml", form("forged", ""), "Accept", HTML);
    assertThat(reply.status()).isEqualTo(404);
    assertNoServerError(reply);
  }

  @Test
  void signedInPageWhenPostedAfterSignOutThenLoginNotServerError() {
    assertThat(client.login("user@example.com", "Password123!", "").status()).isEqualTo(200);
    client.get("api/logout", "Accept", HTML);
    Reply reply = client.postForm("security/change_email.xhtml", form("forged", "email=a%40b.c"));
    assertNoServerError(reply);
  }

  /** Issue 13, item 4: a rejected {@code next} is dropped, so the next try can sign in. */
  @Test
  void loginPageWhenNextRejectedThenDroppedFromTheForm() {
    String page = "security/login_user.xhtml";
    Reply form = client.get(page + "?next=https%3A%2F%2Fevil.example%2F", "Accept", HTML);
    assertThat(form.body()).contains("evil.example");
    Reply rejected =
        client.postForm(
            page, loginPost(hiddenCsrfToken(form), "https://evil.example/"), "Accept", HTML);
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.body()).doesNotContain("value=\"https://evil.example/\"");
    Reply retry = client.postForm(page, loginPost(hiddenCsrfToken(rejected), ""), "Accept", HTML);
    assertThat(retry.status()).isEqualTo(302);
  }

  /** Issue 13, item 4: a page whose URL may carry a token sends no referrer anywhere. */
  @Test
  void pagesWhenRenderedThenNoReferrer() {
    for (String page : ANONYMOUS_PAGES) {
      Reply reply = client.get(page + "?token=secret", "Accept", HTML);
      assertThat(reply.header("Referrer-Policy")).as(page).contains("no-referrer");
    }
  }

  /** Issue 13, item 4: sessions are tracked by cookie only, never by ;jsessionid= in URLs. */
  @Test
  void pageWhenSessionStartsFromRememberCookieThenNoSessionIdInUrls() {
    ApiClient remembered = new ApiClient(base);
    String csrf = remembered.csrfToken();
    remembered.postJson(
        "api/login",
        "{\"email\":\"user@example.com\",\"password\":\"Password123!\",\"remember\":true,"
            + "\"csrf_token\":\""
            + csrf
            + "\"}");
    String cookie = "remember_token=" + remembered.cookie("remember_token").orElseThrow();
    Reply page = client.get("security/verify.xhtml", "Accept", HTML, "Cookie", cookie);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContainIgnoringCase(";jsessionid=");
  }

  /** Issue 13, item 4: a signed-in user opening an anonymous-only page is told why it moved on. */
  @Test
  void anonymousPageWhenSignedInThenPostLoginViewWithMessage() {
    assertThat(client.login("user@example.com", "Password123!", "").status()).isEqualTo(200);
    Reply moved = client.get("security/register_user.xhtml", "Accept", HTML);
    assertThat(moved.status()).isEqualTo(302);
    Reply landing = client.get(moved.header("Location").orElseThrow(), "Accept", HTML);
    assertThat(landing.body()).contains("You are signed in already");
  }

  private static String loginPost(String csrfToken, String next) {
    return "login-form=login-form&login-form_SUBMIT=1&identity=user%40example.com&password=Password123%21&next="
        + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)
        + "&login-submit=Sign+in&jakarta.faces.ViewState=stateless&csrf_token="
        + csrfToken;
  }

  private static String hiddenCsrfToken(Reply page) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("name=\"csrf_token\"[^>]*value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(matcher.find()).as("csrf_token field in the page").isTrue();
    return matcher.group(1);
  }

  private static String form(String viewState, String fields) {
    return "jakarta.faces.ViewState="
        + java.net.URLEncoder.encode(viewState, java.nio.charset.StandardCharsets.UTF_8)
        + (fields.isEmpty() ? "" : "&" + fields);
  }

  private static void assertNoServerError(Reply reply) {
    assertThat(reply.status()).isLessThan(500);
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("jakarta.faces.application")
        .doesNotContain("at org.")
        .doesNotContain("at jakarta.");
  }
}
