package dev.portcullis.sample;

import static dev.portcullis.sample.support.TwoFactorSteps.code;
import static dev.portcullis.sample.support.TwoFactorSteps.fieldError;
import static dev.portcullis.sample.support.TwoFactorSteps.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.SmsTrap;
import dev.portcullis.sample.support.TwoFactorSteps;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unified sign-in through the JSON API, black-box (spec §1.2 #17–#23, §7.5): every method end to
 * end — password, mailed code, magic link, authenticator, SMS through a local provider — with codes
 * read from a real SMTP server, a local SMS provider, or computed here by RFC 6238 from the key the
 * server gave; set-up with a wrong then a right code; codes and links used twice or too late (moved
 * server clock); the second factor after the methods of {@code security.us_mfa_required}; users
 * without a password; bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnifiedSigninIT {

  static final String JSON = TwoFactorSteps.JSON;
  static final Duration WAIT = TwoFactorSteps.WAIT;
  static MailTrap mail;
  static SmsTrap sms;

  @Deployment(testable = false)
  static WebArchive deployment() {
    mail = MailTrap.start();
    sms = SmsTrap.start();
    return SampleDeployment.withMailTo(
        mail,
        "security.two_factor=true\n"
            + "security.totp_secrets=1=first wallet secret,2=zweites-Geheimnis-\\u00e4\\u00df\n"
            + "security.totp_issuer=Portcullis IT\n"
            + "security.two_factor_enabled_methods=email,authenticator,sms\n"
            + "security.unified_signin=true\n"
            + "security.us_enabled_methods=password,email,authenticator,sms\n"
            + "security.password_required=false\n"
            + "security.user_identity_attributes=email,us_phone_number\n"
            + sms.configuration());
  }

  @AfterAll
  static void stopTraps() {
    if (sms != null) {
      sms.close();
    }
  }

  @ArquillianResource URL base;
  ApiClient client;
  TwoFactorSteps steps;

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
    steps = new TwoFactorSteps(base, mail);
  }

  @AfterEach
  void resetClock() {
    steps.resetClock();
  }

  @Test
  void signinWhenGetThenMethodsAndIdentityAttributes() {
    Reply info = client.get("api/us-signin", "Accept", JSON);
    assertThat(info.status()).isEqualTo(200);
    assertThat(strings(info.response(), "available_methods"))
        .containsExactly("password", "email", "authenticator", "sms");
    assertThat(strings(info.response(), "code_methods")).containsExactly("email", "sms");
    assertThat(strings(info.response(), "identity_attributes")).contains("email");
    assertThat(info.response().getString("csrf_token")).isNotBlank();
  }

  @Test
  void signinWhenPasswordThenSignedInWithAuthnViaPassword() {
    String email = steps.newUser("us-pw");
    Reply wrong = signin(client, email, "not the password", "");
    assertThat(fieldError(wrong, "passcode")).isEqualTo("The password or code is wrong.");
    Reply ok = signin(client, email, TwoFactorSteps.PASSWORD, "?include_auth_token");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.response().getJsonObject("user").getString("authentication_token")).isNotBlank();
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[password]");
    Reply again = signin(client, email, TwoFactorSteps.PASSWORD, "");
    assertThat(again.status()).as("already signed in").isEqualTo(400);
  }

  @Test
  void emailWhenSetUpWithWrongThenRightCodeThenMailedCodeSignsInOnce() {
    String email = steps.newUser("us-mail");
    steps.signIn(client, email);
    Reply info = client.get("api/us-setup", "Accept", JSON);
    assertThat(strings(info.response(), "active_methods")).containsExactly("password");
    Reply started = setup(client, Json.createObjectBuilder().add("chosen_method", "email"));
    assertThat(started.status()).isEqualTo(200);
    String state = started.response().getString("state");
    String setupMail = mail.awaitMail(email, 1, WAIT).text();
    assertThat(setupMail).as("no magic link while setting up").doesNotContain("us-verify-link");
    String setupCode = code(setupMail);
    assertThat(steps.stored(email).getString("us_totp_secrets"))
        .as("nothing stored before the first code")
        .isEqualTo("null");

    Reply wrong = validate(client, state, otherThan(setupCode));
    assertThat(fieldError(wrong, "passcode")).isEqualTo("The password or code is wrong.");
    Reply right = validate(client, state, setupCode);
    assertThat(right.status()).isEqualTo(200);
    assertThat(right.response().getString("chosen_method")).isEqualTo("email");
    assertThat(steps.stored(email).getString("us_totp_secrets"))
        .as("Flask-Security's format: JSON of passlib JSON strings")
        .startsWith("{\"email\": \"{\\\"enckey\\\":{\\\"c\\\":14,");
    assertThat(validate(client, state, setupCode).status())
        .as("a set-up state is used once")
        .isEqualTo(400);
    assertThat(steps.events()).contains("sync:us-changed:" + email + ":[email]:false");

    ApiClient other = new ApiClient(base);
    assertThat(sendCode(other, email, "email").status()).isEqualTo(200);
    String mailed = mail.awaitMail(email, 2, WAIT).text();
    assertThat(mailed).contains("us-verify-link?id=");
    assertThat(steps.events()).contains("sync:us-sent:" + email + ":email:null:true");
    Reply signedIn = signin(other, email, code(mailed), "");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[email]");

    ApiClient replay = new ApiClient(base);
    assertThat(signin(replay, email, code(mailed), "").status())
        .as("a code is accepted once")
        .isEqualTo(400);
  }

  @Test
  void magicLinkWhenFollowedThenSignedInAndNotASecondTime() {
    String email = steps.newUser("us-link");
    enrolEmail(email, 1);
    ApiClient asker = new ApiClient(base);
    assertThat(sendCode(asker, email, "email").status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMail(email, 2, WAIT).text(), "us-verify-link");
    String path = link.substring(link.indexOf("api/us-verify-link"));

    ApiClient browser = new ApiClient(base);
    Reply followed = browser.get(path);
    assertThat(followed.status()).isEqualTo(302);
    assertThat(browser.get("api/whoami", "Accept", JSON).json().getString("email"))
        .isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[email]");

    ApiClient thief = new ApiClient(base);
    Reply again = thief.get(path);
    assertThat(again.status()).isEqualTo(302);
    assertThat(again.header("Location").orElseThrow()).contains("us_signin");
    assertThat(thief.get("api/whoami", "Accept", JSON).status())
        .as("the link works once")
        .isEqualTo(401);
    assertThat(thief.get("api/us-verify-link?id=x", "Accept", JSON).status()).isEqualTo(302);
  }

  @Test
  void magicLinkWhenSecondFactorDueThenNextCarriedThroughIt() {
    String email = steps.newUser("us-link-next");
    enrolEmail(email, 1);
    steps.enrolAuthenticator(email);
    ApiClient asker = new ApiClient(base);
    assertThat(
            steps
                .post(
                    asker,
                    "api/us-signin/send-code?next=/private/page",
                    Json.createObjectBuilder().add("identity", email).add("chosen_method", "email"))
                .status())
        .isEqualTo(200);
    String link = MailTrap.link(mail.awaitMail(email, 2, WAIT).text(), "us-verify-link");
    assertThat(link).contains("next=%2Fprivate%2Fpage");

    ApiClient browser = new ApiClient(base);
    Reply followed = browser.get(link.substring(link.indexOf("api/us-verify-link")));
    assertThat(followed.status()).isEqualTo(302);
    assertThat(followed.header("Location").orElseThrow())
        .as("email is in security.us_mfa_required: the second factor's page, next carried on")
        .doesNotContain("us_signin")
        .contains("next=%2Fprivate%2Fpage");
    assertThat(browser.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);

    ApiClient forged = new ApiClient(base);
    assertThat(
            forged
                .get("api/us-verify-link?id=x&code=1&next=https://evil.example/")
                .header("Location")
                .orElseThrow())
        .doesNotContain("evil.example");
  }

  @Test
  void codeWhenClockMovedPastItsWindowThenRefused() {
    String email = steps.newUser("us-late");
    enrolEmail(email, 1);
    ApiClient late = new ApiClient(base);
    assertThat(sendCode(late, email, "email").status()).isEqualTo(200);
    String mailed = mail.awaitMail(email, 2, WAIT).text();
    steps.moveClock(Duration.ofMinutes(5));
    assertThat(signin(late, email, code(mailed), "").status()).isEqualTo(400);
    String path =
        MailTrap.link(mailed, "us-verify-link")
            .substring(MailTrap.link(mailed, "us-verify-link").indexOf("api/us-verify-link"));
    late.get(path);
    assertThat(late.get("api/whoami", "Accept", JSON).status())
        .as("an expired link signs nobody in")
        .isEqualTo(401);
  }

  @Test
  void authenticatorWhenSetUpThenCodeSignsInWithoutSecondFactor() {
    String email = steps.newUser("us-authr");
    steps.enrolAuthenticator(email);
    ApiClient owner = new ApiClient(base);
    Reply pw = signin(owner, email, TwoFactorSteps.PASSWORD, "");
    assertThat(pw.response().getBoolean("tf_required"))
        .as("password is in security.us_mfa_required: the second factor follows")
        .isTrue();
    assertThat(owner.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);

    ApiClient fresh = new ApiClient(base);
    steps.signInWithAuthenticator(fresh, email);
    Reply started = setup(fresh, Json.createObjectBuilder().add("chosen_method", "authenticator"));
    assertThat(started.status()).isEqualTo(200);
    String key = started.response().getString("authr_key");
    assertThat(started.response().getString("authr_issuer")).isEqualTo("Portcullis IT");
    assertThat(
            validate(fresh, started.response().getString("state"), Rfc6238.code(key, steps.step()))
                .status())
        .isEqualTo(200);

    ApiClient app = new ApiClient(base);
    Reply signedIn = signin(app, email, Rfc6238.code(key, steps.step() + 1), "");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.response().containsKey("tf_required"))
        .as("an authenticator is multi-factor already")
        .isFalse();
    assertThat(app.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
  }

  @Test
  void smsWhenSetUpThroughTheProviderThenTextedCodeSignsIn() {
    String email = steps.newUser("us-sms");
    String phone = "+1650253" + String.format("%04d", (int) (System.nanoTime() % 10000));
    steps.signIn(client, email);
    Reply bad = setup(client, Json.createObjectBuilder().add("chosen_method", "sms"));
    assertThat(fieldError(bad, "phone")).contains("phone number");
    Reply started =
        setup(client, Json.createObjectBuilder().add("chosen_method", "sms").add("phone", phone));
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.response().getString("phone")).isEqualTo(phone);
    String setupCode = code(sms.await(phone, 1, WAIT).body());
    assertThat(validate(client, started.response().getString("state"), setupCode).status())
        .isEqualTo(200);
    assertThat(steps.stored(email).getString("us_phone_number")).isEqualTo(phone);

    ApiClient texted = new ApiClient(base);
    assertThat(sendCode(texted, phone, "sms").status())
        .as("the phone number is an identity")
        .isEqualTo(200);
    Reply signedIn = signin(texted, email, code(sms.await(phone, 2, WAIT).body()), "");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[sms]");
  }

  @Test
  void setupWhenLastWayInOfAPasswordLessUserThenRefused() {
    String email = steps.newUser("us-nopw");
    enrolEmail(email, 1);
    steps.support().postJson("api/test-support/users/" + email + "/password-less", "{}");
    ApiClient codeOnly = new ApiClient(base);
    assertThat(signin(codeOnly, email, TwoFactorSteps.PASSWORD, "").status()).isEqualTo(400);
    assertThat(sendCode(codeOnly, email, "email").status()).isEqualTo(200);
    assertThat(signin(codeOnly, email, code(mail.awaitMail(email, 2, WAIT).text()), "").status())
        .isEqualTo(200);
    Reply info = codeOnly.get("api/us-setup", "Accept", JSON);
    assertThat(strings(info.response(), "active_methods")).containsExactly("email");
    Reply remove =
        setup(
            codeOnly,
            Json.createObjectBuilder()
                .add("delete_method", Json.createArrayBuilder().add("email")));
    assertThat(fieldError(remove, "delete_method")).contains("last way to sign in");
    assertThat(steps.stored(email).getString("us_totp_secrets")).contains("email");
  }

  @Test
  void setupWhenMethodRemovedThenItsCodesNoLongerSent() {
    String email = steps.newUser("us-remove");
    enrolEmail(email, 1);
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply remove =
        setup(
            owner,
            Json.createObjectBuilder()
                .add("delete_method", Json.createArrayBuilder().add("email")));
    assertThat(remove.status()).isEqualTo(200);
    assertThat(steps.events()).contains("sync:us-changed:" + email + ":[email]:true");
    Reply refused = sendCode(new ApiClient(base), email, "email");
    assertThat(fieldError(refused, "chosen_method")).isEqualTo("This method is not available.");
  }

  @Test
  void badInputWhenWrongTypesOrForgedStateThenClear4xx() {
    Reply number =
        client.postJson(
            "api/us-signin",
            Json.createObjectBuilder()
                .add("identity", 42)
                .add("passcode", "x")
                .add("csrf_token", client.csrfToken())
                .build());
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.response().containsKey("field_errors")).isTrue();
    Reply unknown =
        signin(new ApiClient(base), "nobody-" + System.nanoTime() + "@example.com", "123456", "");
    assertThat(fieldError(unknown, "identity")).isEqualTo("Please enter a valid identity.");

    String email = steps.newUser("us-bad");
    steps.signIn(client, email);
    Reply forged = validate(client, "not-a-state", "123456");
    assertThat(fieldError(forged, "")).isEqualTo("This request cannot be handled by this API.");
    Reply objectList =
        setup(client, Json.createObjectBuilder().add("delete_method", Json.createObjectBuilder()));
    assertThat(objectList.status()).isEqualTo(400);
    Reply neither = setup(client, Json.createObjectBuilder());
    assertThat(fieldError(neither, "")).isEqualTo("This request cannot be handled by this API.");
    Reply password =
        setup(
            client,
            Json.createObjectBuilder()
                .add("delete_method", Json.createArrayBuilder().add("password")));
    assertThat(fieldError(password, "delete_method")).isEqualTo("This method is not available.");

    String other = steps.newUser("us-bad-other");
    ApiClient otherClient = new ApiClient(base);
    steps.signIn(otherClient, other);
    Reply started = setup(client, Json.createObjectBuilder().add("chosen_method", "authenticator"));
    Reply stolen = validate(otherClient, started.response().getString("state"), "123456");
    assertThat(fieldError(stolen, ""))
        .as("a set-up state is bound to its user")
        .isEqualTo("This request cannot be handled by this API.");
  }

  @Test
  void sendCodeWhenLimitReachedThen429() {
    String email = steps.newUser("us-flood");
    enrolEmail(email, 1);
    ApiClient flooder = new ApiClient(base);
    int status = 200;
    for (int i = 0; i < 6 && status == 200; i++) {
      status = sendCode(flooder, email, "email").status();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void verifyWhenMailedCodeThenSessionFreshAgain() {
    String email = steps.newUser("us-verify");
    enrolEmail(email, 1);
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply info = owner.get("api/us-verify", "Accept", JSON);
    assertThat(strings(info.response(), "code_methods")).containsExactly("email");
    Reply sent =
        owner.postJson(
            "api/us-verify/send-code",
            Json.createObjectBuilder()
                .add("chosen_method", "email")
                .add("csrf_token", owner.csrfToken())
                .build());
    assertThat(sent.status()).isEqualTo(200);
    String mailed = mail.awaitMail(email, 2, WAIT).text();
    assertThat(mailed).doesNotContain("us-verify-link");
    Reply verified =
        owner.postJson(
            "api/us-verify",
            Json.createObjectBuilder()
                .add("passcode", code(mailed))
                .add("csrf_token", owner.csrfToken())
                .build());
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.response().containsKey("user")).isTrue();
  }

  // --- steps ---

  /** Sets up the email method of a new user; the set-up mail is the user's {@code n}-th. */
  private void enrolEmail(String email, int n) {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply started = setup(owner, Json.createObjectBuilder().add("chosen_method", "email"));
    String setupCode = code(mail.awaitMail(email, n, WAIT).text());
    assertThat(validate(owner, started.response().getString("state"), setupCode).status())
        .isEqualTo(200);
  }

  private Reply signin(ApiClient who, String identity, String passcode, String query) {
    return steps.post(
        who,
        "api/us-signin" + query,
        Json.createObjectBuilder().add("identity", identity).add("passcode", passcode));
  }

  private Reply sendCode(ApiClient who, String identity, String method) {
    return steps.post(
        who,
        "api/us-signin/send-code",
        Json.createObjectBuilder().add("identity", identity).add("chosen_method", method));
  }

  private Reply setup(ApiClient who, JsonObjectBuilder body) {
    return steps.post(who, "api/us-setup", body);
  }

  private Reply validate(ApiClient who, String state, String passcode) {
    return steps.post(
        who, "api/us-setup/" + state, Json.createObjectBuilder().add("passcode", passcode));
  }

  private static String otherThan(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }
}
