package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.RawHttp;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import jakarta.mail.Message;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account lifecycle through the JSON API with a real SMTP server in the test JVM: register,
 * confirm, resend, forgot/reset, change password, change email, and mail surviving an SMTP outage.
 * Links are read from the mails the server sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountIT {

  static final String JSON = "application/json";
  static final String STRONG = "Correct-Horse-Battery-9";
  static final Duration MAIL_WAIT = Duration.ofSeconds(30);
  static final String UNTRUSTED_HOST =
      "This request came to an address the site does not recognise, so no link was mailed."
          + " Please use the site's usual address.";
  static MailTrap mail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    mail = MailTrap.start();
    return SampleDeployment.withMailTo(mail, "");
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
  void registerWhenValidThenConfirmByMailedLinkThenLogin() {
    String email = unique("reg");
    Reply registered = register(client, email, STRONG);
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.response().containsKey("user")).isTrue();
    assertThat(registered.response().getString("csrf_token")).isNotBlank();

    Reply early = new ApiClient(base).login(email, STRONG, "");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.response().getJsonObject("field_errors").getJsonArray("email").getString(0))
        .isEqualTo("Please confirm your email address first.");

    String link = MailTrap.link(mail.awaitMessage(email, 1, MAIL_WAIT), "/api/confirm/");
    Reply confirmed = client.get(path(link), "Accept", "text/html");
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(confirmed.header("Location").orElseThrow()).contains("/security/login_user.xhtml");

    assertThat(new ApiClient(base).login(email, STRONG, "").status()).isEqualTo(200);
    Reply again = client.get(path(link), "Accept", "text/html");
    assertThat(again.status()).isEqualTo(302);
  }

  @Test
  void registerWhenBadInputThenFieldErrorsAndNothingWritten() {
    String email = unique("bad");
    String csrf = client.csrfToken();
    Reply malformed = client.postJson("api/register", "{\"email\":", "X-CSRF-Token", csrf);
    assertThat(malformed.status()).isEqualTo(400);
    Reply types =
        client.postJson("api/register", "{\"email\":[1],\"password\":true}", "X-CSRF-Token", csrf);
    assertThat(types.status()).isEqualTo(400);
    assertThat(types.response().getJsonObject("field_errors").keySet())
        .contains("email", "password");
    Reply invalid = register(client, "not-an-email", STRONG);
    assertThat(invalid.response().getJsonObject("field_errors").getJsonArray("email").getString(0))
        .isEqualTo("This is not a valid email address.");
    Reply shortPassword = register(client, email, "short");
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(
            shortPassword
                .response()
                .getJsonObject("field_errors")
                .getJsonArray("password")
                .getString(0))
        .contains("at least 8");
    Reply taken = register(client, "user@example.com", STRONG);
    assertThat(taken.response().getJsonObject("field_errors").getJsonArray("email").getString(0))
        .isEqualTo("user@example.com already belongs to an account.");
    Reply huge =
        client.postJson(
            "api/register",
            "{\"email\":\"" + "x".repeat(5000) + "@example.com\"}",
            "X-CSRF-Token",
            csrf);
    assertThat(huge.status()).isEqualTo(400);

    assertThat(
            new ApiClient(base)
                .login(email, "short", "")
                .response()
                .getJsonObject("field_errors")
                .getJsonArray("email")
                .getString(0))
        .isEqualTo("No account matches this identity.");
    assertThat(mail.messagesFor(email)).isEmpty();
  }

  @Test
  void confirmWhenTokenTamperedThenErrorRedirectAndWhenExpiredThenNewLinkMailed() {
    String email = unique("exp");
    register(client, email, STRONG);
    String link = MailTrap.link(mail.awaitMessage(email, 1, MAIL_WAIT), "/api/confirm/");

    Reply tampered = client.get(path(link) + "x", "Accept", "text/html");
    assertThat(tampered.status()).isEqualTo(302);
    assertThat(tampered.header("Location").orElseThrow()).contains("send_confirmation");

    moveClock(Duration.ofDays(6));
    Reply expired = client.get(path(link), "Accept", "text/html");
    assertThat(expired.status()).isEqualTo(302);
    String fresh = MailTrap.link(mail.awaitMessage(email, 2, MAIL_WAIT), "/api/confirm/");
    assertThat(fresh).isNotEqualTo(link);
    assertThat(new ApiClient(base).login(email, STRONG, "").status()).isEqualTo(400);
  }

  @Test
  void resendConfirmationWhenUnconfirmedThenMailedAndWhenConfirmedThenAlreadyConfirmed() {
    String email = unique("resend");
    register(client, email, STRONG);
    mail.awaitMessage(email, 1, MAIL_WAIT);
    String csrf = client.csrfToken();
    Reply resend =
        client.postJson("api/confirm", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
    assertThat(resend.status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMessage(email, 2, MAIL_WAIT), "/api/confirm/");
    client.get(path(link), "Accept", "text/html");

    Reply already =
        client.postJson("api/confirm", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
    assertThat(already.status()).isEqualTo(400);
    assertThat(already.response().getJsonObject("field_errors").getJsonArray("email").getString(0))
        .isEqualTo("Your email address is already confirmed.");
  }

  @Test
  void resetWhenMailedLinkFollowedThenOldPasswordAndTokenDieAndLinkIsSingleUse() {
    String email = confirmedUser("reset");
    String oldToken = token(email, STRONG);

    String csrf = client.csrfToken();
    Reply forgot =
        client.postJson("api/reset", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
    assertThat(forgot.status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMessage(email, 2, MAIL_WAIT), "/api/reset/");

    Reply page = client.get(path(link), "Accept", "text/html");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location").orElseThrow()).contains("reset_password.xhtml?token=");
    // Under the context path, not under the JAX-RS root (RESTEasy's relative-location rewrite).
    assertThat(URI.create(base.toString()).resolve(page.header("Location").orElseThrow()).getPath())
        .isEqualTo(base.getPath() + "security/reset_password.xhtml");

    Reply mismatch =
        client.postJson(
            path(link),
            "{\"password\":\"New-Battery-Staple-7\",\"password_confirm\":\"other\"}",
            "X-CSRF-Token",
            csrf);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(
            mismatch
                .response()
                .getJsonObject("field_errors")
                .getJsonArray("password_confirm")
                .getString(0))
        .isEqualTo("The two passwords are not the same.");

    String body =
        "{\"password\":\"New-Battery-Staple-7\",\"password_confirm\":\"New-Battery-Staple-7\"}";
    Reply reset = client.postJson(path(link), body, "X-CSRF-Token", csrf);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().toString()).isEqualTo("{\"meta\":{\"code\":200},\"response\":{}}");

    assertThat(new ApiClient(base).login(email, STRONG, "").status()).isEqualTo(400);
    assertThat(new ApiClient(base).login(email, "New-Battery-Staple-7", "").status())
        .isEqualTo(200);
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", oldToken, "Accept", JSON)
                .status())
        .isEqualTo(401);
    mail.awaitMessage(email, 3, MAIL_WAIT); // the reset notice

    Reply reuse = client.postJson(path(link), body, "X-CSRF-Token", csrf);
    assertThat(reuse.status()).isEqualTo(400);
    assertThat(reuse.response().getJsonObject("field_errors").getJsonArray("").getString(0))
        .isEqualTo("This password reset link is not valid.");
  }

  @Test
  void resetWhenLinkExpiredThenRefusedAndNewLinkMailed() {
    String email = confirmedUser("rexp");
    String csrf = client.csrfToken();
    client.postJson("api/reset", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
    String link = MailTrap.link(mail.awaitMessage(email, 2, MAIL_WAIT), "/api/reset/");
    moveClock(Duration.ofDays(2));
    String body =
        "{\"password\":\"New-Battery-Staple-7\",\"password_confirm\":\"New-Battery-Staple-7\"}";
    // The CSRF token from before the jump has expired too: take a fresh one.
    Reply expired = client.postJson(path(link), body, "X-CSRF-Token", client.csrfToken());
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.response().getJsonObject("field_errors").getJsonArray("").getString(0))
        .contains("not reset within 1 day");
    mail.awaitMessage(email, 3, MAIL_WAIT);
  }

  @Test
  void forgotWhenHostHeaderForgedThenRefusedAndNoLinkMailed() throws Exception {
    String email = confirmedUser("host");
    String csrf = client.csrfToken();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "evil.example:8080");
    headers.put("Accept", JSON);
    headers.put("Content-Type", JSON);
    headers.put("X-CSRF-Token", csrf);
    headers.put("Cookie", client.cookieHeader());
    RawHttp.Reply forged =
        RawHttp.send(base, "POST", "api/reset", headers, "{\"email\":\"" + email + "\"}");

    assertThat(forged.status()).isEqualTo(400);
    var envelope = Json.createReader(new StringReader(forged.body())).readObject();
    assertThat(envelope.getJsonObject("meta").getInt("code")).isEqualTo(400);
    assertThat(envelope.getJsonObject("response").getJsonArray("errors").getString(0))
        .isEqualTo(UNTRUSTED_HOST);
    // A request on the deployment's own address still mails its link; by then a mail for the
    // forged request would have been delivered too (the outbox delivers in order).
    Reply legit =
        client.postJson("api/reset", "{\"email\":\"" + email + "\"}", "X-CSRF-Token", csrf);
    assertThat(legit.status()).isEqualTo(200);
    mail.awaitMessage(email, 2, MAIL_WAIT);
    Thread.sleep(1000);
    assertThat(mail.messagesFor(email)).hasSize(2);
    assertThat(bodies(email)).doesNotContain("evil.example");
  }

  @Test
  void forgotPageWhenHostHeaderForgedThenPageMessageAndNoLinkMailed() throws Exception {
    String email = confirmedUser("hostpage");
    Reply page = client.get("security/forgot_password.xhtml", "Accept", "text/html");
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(state.find()).as("view state in %s %s", page.status(), page.body()).isTrue();
    Matcher csrf =
        Pattern.compile("name=\"csrf_token\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("the stateless page's CSRF field").isTrue();
    String form =
        "forgot-password-form=forgot-password-form&forgot-password-form_SUBMIT=1&email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&csrf_token="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&forgot-password-submit=Recover+password&jakarta.faces.ViewState="
            + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "evil.example");
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Cookie", client.cookieHeader());
    RawHttp.Reply forged =
        RawHttp.send(base, "POST", "security/forgot_password.xhtml", headers, form);

    assertThat(forged.status()).isEqualTo(200);
    assertThat(forged.body()).contains("does not recognise, so no link was mailed.");
    Thread.sleep(2000);
    assertThat(mail.messagesFor(email)).hasSize(1);
    assertThat(bodies(email)).doesNotContain("evil.example");
  }

  /**
   * Issue 12: aria-invalid and autofocus on the server's own HTML, the same on Mojarra (Payara) and
   * MyFaces (Open Liberty, which writes a passthrough attribute evaluating to null as an empty
   * one): none on a fresh page; after a failed submit aria-invalid="true" on each invalid field and
   * autofocus on the first one only.
   */
  @Test
  void registerPageWhenSubmitFailsThenOnlyInvalidFieldsMarkedAndFirstFocused() {
    Reply page = client.get("security/register_user.xhtml", "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    for (String field : new String[] {"email", "password", "password_confirm"}) {
      assertThat(inputTag(page.body(), field)).doesNotContain("aria-invalid", "autofocus");
    }
    assertThat(page.body()).doesNotContain("autofocus");

    String form =
        "register-form=register-form&register-form_SUBMIT=1&email=not-an-address"
            + "&password=x&password_confirm=x&csrf_token="
            + URLEncoder.encode(hidden(page.body(), "csrf_token"), StandardCharsets.UTF_8)
            + "&register-submit=Register&jakarta.faces.ViewState="
            + URLEncoder.encode(
                hidden(page.body(), "jakarta.faces.ViewState"), StandardCharsets.UTF_8);
    Reply failed = client.postForm("security/register_user.xhtml", form, "Accept", "text/html");

    assertThat(failed.status()).isEqualTo(200);
    String email = inputTag(failed.body(), "email");
    assertThat(email).contains("aria-invalid=\"true\"", "autofocus=\"autofocus\"");
    assertThat(inputTag(failed.body(), "password"))
        .contains("aria-invalid=\"true\"")
        .doesNotContain("autofocus");
    assertThat(inputTag(failed.body(), "password_confirm")).doesNotContain("aria-invalid");
    assertThat(Pattern.compile("\\sautofocus=").matcher(failed.body()).results().count())
        .as("fields with autofocus")
        .isEqualTo(1);
  }

  /**
   * Issue 12: the radio buttons of the two-factor set-up page on the server's own HTML. MyFaces
   * (Open Liberty) wrote every radio's checked="#{... : null}" as an empty, and so checking,
   * attribute; pc:radio writes checked and autofocus only where they hold, on every server: none
   * checked on a fresh page, the chosen one alone after a failed submit, and the first one focused
   * when the choice itself was at fault.
   */
  @Test
  void twoFactorSetupPageWhenShownOrRefusedThenOnlyTheChosenRadioChecked() {
    String email = confirmedUser("radio");
    assertThat(client.login(email, STRONG, "").status()).isEqualTo(200);
    Reply fresh = client.get("security/two_factor_setup.xhtml", "Accept", "text/html");
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(radios(fresh.body())).contains("setup-authenticator", "setup-email", "setup-sms");
    assertThat(attributeCount(fresh.body(), "checked")).as("checked radios").isZero();
    assertThat(attributeCount(fresh.body(), "autofocus")).as("autofocus").isZero();

    Reply noPhone = submitTwoFactorSetup(fresh.body(), "sms");
    assertThat(noPhone.status()).isEqualTo(200);
    assertThat(inputTag(noPhone.body(), "phone")).contains("aria-invalid=\"true\"");
    assertThat(inputTag(noPhone.body(), "setup-sms")).contains("checked=\"checked\"");
    assertThat(attributeCount(noPhone.body(), "checked")).as("checked radios").isEqualTo(1);
    assertThat(inputTag(noPhone.body(), "phone")).contains("autofocus=\"autofocus\"");
    assertThat(attributeCount(noPhone.body(), "autofocus")).as("autofocus").isEqualTo(1);

    Reply unknown = submitTwoFactorSetup(noPhone.body(), "carrier-pigeon");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(attributeCount(unknown.body(), "checked")).as("checked radios").isZero();
    String first = radios(unknown.body()).get(0);
    assertThat(inputTag(unknown.body(), first)).contains("autofocus=\"autofocus\"");
    assertThat(attributeCount(unknown.body(), "autofocus")).as("autofocus").isEqualTo(1);
  }

  /** Posts the set-up page's first form with this choice and an empty phone number. */
  private Reply submitTwoFactorSetup(String page, String choice) {
    String form =
        "setup-form=setup-form&setup-form_SUBMIT=1&setup="
            + URLEncoder.encode(choice, StandardCharsets.UTF_8)
            + "&phone=&next=&setup-submit=Save&jakarta.faces.ViewState="
            + URLEncoder.encode(hidden(page, "jakarta.faces.ViewState"), StandardCharsets.UTF_8);
    return client.postForm("security/two_factor_setup.xhtml", form, "Accept", "text/html");
  }

  /** The ids of the page's radio buttons, in order. */
  private static List<String> radios(String html) {
    return Pattern.compile("<input[^>]*\\btype=\"radio\"[^>]*>")
        .matcher(html)
        .results()
        .map(tag -> tag.group().replaceAll("(?s).*\\bid=\"([^\"]*)\".*", "$1"))
        .toList();
  }

  /** How many start tags carry this attribute, with any value (an empty one counts). */
  private static long attributeCount(String html, String attribute) {
    return Pattern.compile("<[a-zA-Z][^>]*\\s" + attribute + "(=|\\s|/?>)")
        .matcher(html)
        .results()
        .count();
  }

  @Test
  void forgotWhenUnknownEmailThenUserDoesNotExist() {
    String csrf = client.csrfToken();
    Reply reply =
        client.postJson(
            "api/reset", "{\"email\":\"" + unique("nobody") + "\"}", "X-CSRF-Token", csrf);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.response().getJsonObject("field_errors").getJsonArray("email").getString(0))
        .isEqualTo("No account matches this identity.");
  }

  @Test
  void changePasswordWhenValidThenOtherSessionsAndTokensDieButThisSessionLives() {
    String email = confirmedUser("chg");
    ApiClient other = new ApiClient(base);
    other.login(email, STRONG, "");
    String oldToken = token(email, STRONG);
    client.login(email, STRONG, "");
    String csrf = client.csrfToken();

    Reply wrong =
        client.postJson(
            "api/change", change("wrong-password", "Brand-New-Staple-8"), "X-CSRF-Token", csrf);
    assertThat(wrong.response().getJsonObject("field_errors").getJsonArray("password").getString(0))
        .isEqualTo("The password is wrong.");
    // Flask-Security's ChangePasswordForm.validate reports this on the current password field.
    Reply same = client.postJson("api/change", change(STRONG, STRONG), "X-CSRF-Token", csrf);
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.response().getJsonObject("field_errors").getJsonArray("password").getString(0))
        .isEqualTo("The new password must differ from the current one.");
    assertThat(same.response().getJsonObject("field_errors")).doesNotContainKey("new_password");

    Reply changed =
        client.postJson(
            "api/change?include_auth_token",
            change(STRONG, "Brand-New-Staple-8"),
            "X-CSRF-Token",
            csrf);
    assertThat(changed.status()).isEqualTo(200);
    String newToken = changed.response().getJsonObject("user").getString("authentication_token");

    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
    assertThat(other.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", oldToken, "Accept", JSON)
                .status())
        .isEqualTo(401);
    assertThat(
            new ApiClient(base)
                .get("api/whoami", "Authentication-Token", newToken, "Accept", JSON)
                .status())
        .isEqualTo(200);
    assertThat(mail.awaitMessage(email, 2, MAIL_WAIT)).contains("Your password was changed");
  }

  @Test
  void changeEmailWhenLinkFollowedThenNewAddressSignsInAndOldIsNotified() {
    String email = confirmedUser("old");
    String newEmail = unique("new");
    client.login(email, STRONG, "");
    Reply current = client.get("api/change-email", "Accept", JSON);
    assertThat(current.response().getString("current_email")).isEqualTo(email);

    String csrf = client.csrfToken();
    Reply taken =
        client.postJson(
            "api/change-email", "{\"email\":\"user@example.com\"}", "X-CSRF-Token", csrf);
    assertThat(taken.status()).isEqualTo(400);
    Reply requested =
        client.postJson(
            "api/change-email", "{\"email\":\"" + newEmail + "\"}", "X-CSRF-Token", csrf);
    assertThat(requested.status()).isEqualTo(200);
    String link =
        MailTrap.link(mail.awaitMessage(newEmail, 1, MAIL_WAIT), "/api/change-email-confirm/");

    Reply followed = new ApiClient(base).get(path(link), "Accept", "text/html");
    assertThat(followed.status()).isEqualTo(302);
    assertThat(new ApiClient(base).login(newEmail, STRONG, "").status()).isEqualTo(200);
    assertThat(new ApiClient(base).login(email, STRONG, "").status()).isEqualTo(400);
    assertThat(mail.awaitMessage(email, 2, MAIL_WAIT)).contains(newEmail);

    Reply reuse = new ApiClient(base).get(path(link), "Accept", "text/html");
    assertThat(reuse.status()).isEqualTo(302);
    assertThat(reuse.header("Location").orElseThrow()).contains("change_email");
  }

  @Test
  void registerWhenSmtpDownThenSucceedsAndMailArrivesOnceWhenSmtpReturns() throws Exception {
    String email = unique("outage");
    mail.stop();
    try {
      Reply registered = register(client, email, STRONG);
      assertThat(registered.status()).isEqualTo(200);
      Thread.sleep(3000); // a few retry intervals fail while SMTP is down
    } finally {
      mail.resume();
    }
    String message = mail.awaitMessage(email, 1, MAIL_WAIT);
    assertThat(message).contains("/api/confirm/");
    Thread.sleep(4000); // further sweeps must not send it again
    assertThat(mail.messagesFor(email)).hasSize(1);
  }

  /** A registered and confirmed user with exactly one mail so far (the welcome). */
  /** The start tag of the input with this id, as the server wrote it. */
  private static String inputTag(String html, String id) {
    Matcher tag =
        Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(tag.find()).as("input %s in %s", id, html).isTrue();
    return tag.group();
  }

  /** The value of the hidden field with this name. */
  private static String hidden(String html, String name) {
    Matcher field =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"")
            .matcher(html);
    assertThat(field.find()).as("hidden %s in %s", name, html).isTrue();
    return field.group(1);
  }

  private String confirmedUser(String prefix) {
    String email = unique(prefix);
    ApiClient registrar = new ApiClient(base);
    register(registrar, email, STRONG);
    String link = MailTrap.link(mail.awaitMessage(email, 1, MAIL_WAIT), "/api/confirm/");
    assertThat(registrar.get(path(link), "Accept", "text/html").status()).isEqualTo(302);
    return email;
  }

  private String token(String email, String password) {
    return new ApiClient(base)
        .login(email, password, "?include_auth_token")
        .response()
        .getJsonObject("user")
        .getString("authentication_token");
  }

  private static Reply register(ApiClient client, String email, String password) {
    String csrf = client.csrfToken();
    return client.postJson(
        "api/register",
        Json.createObjectBuilder().add("email", email).add("password", password).build(),
        "X-CSRF-Token",
        csrf);
  }

  private static String change(String current, String fresh) {
    return Json.createObjectBuilder()
        .add("password", current)
        .add("new_password", fresh)
        .add("new_password_confirm", fresh)
        .build()
        .toString();
  }

  /** The sources of every mail to {@code email}, concatenated. */
  private String bodies(String email) {
    StringBuilder all = new StringBuilder();
    for (Message message : mail.messagesFor(email)) {
      all.append(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message));
    }
    return all.toString();
  }

  private void moveClock(Duration by) {
    new ApiClient(base).postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }

  /** The path of an absolute link, relative to the deployment (the host may differ). */
  private String path(String link) {
    String p = URI.create(link).getRawPath();
    String context = URI.create(base.toString()).getRawPath();
    return p.substring(context.length())
        + (URI.create(link).getRawQuery() == null ? "" : "?" + URI.create(link).getRawQuery());
  }

  private static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() + "@example.com";
  }
}
