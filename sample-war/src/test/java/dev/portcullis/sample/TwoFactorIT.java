package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.SmsTrap;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-factor sign-in through the JSON API, black-box, on the state machine of spec §7.2–§7.4: codes
 * are computed here from the key the server returns (RFC 6238, {@link Rfc6238}), read from the
 * mails a real SMTP server received, or from the texts a local SMS provider received; expiry by
 * moving the server's clock. The wallet and Fernet keys are those Flask-Security's fixtures were
 * written with, so a Flask-written secret and recovery codes are used as they are.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorIT {

  static final String PASSWORD = "Password123!";
  static final String JSON = "application/json";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String HELP_DESK = "helpdesk@example.com";

  /** Written by Flask-Security 5.1.2/passlib under the wallet below (multifactor-fixtures). */
  static final String FLASK_SECRET =
      "{\"enckey\":{\"c\":14,\"k\":\"UXACELWHSSX42K4CP4KP2SC3UL5XQFEX\","
          + "\"s\":\"WK3HMLTFFQC2B5H677PQ\",\"t\":\"2\",\"v\":1},\"type\":\"totp\",\"v\":1}";

  static final String FLASK_KEY = "TIJQFIDUZ2MZH4W6XOLZE4TONWGXDLVV";

  /** Three Fernet tokens by Python's cryptography; the third under a key no longer configured. */
  static final String FLASK_CODES =
      "gAAAAABrD19HEEz_8qfFzXgOYiOgN4_Ta4god5DeWtRanScz5nEk-ki-YUbMYxailOXos5_icsPtxitwDHWSrbo7o-3_2uyXNQ==,"
          + "gAAAAABrD19HvUYNYktL6ZF4umDcC1rxaGUAljhxewXTaP0hhfIPgPAylHwIe3LVQ8rqj038dbbCYlItTOkWr0qSc9NIkKzt_w==,"
          + "gAAAAABrD19HAtkpb-jvyBx1R5hbpRMEjDZBnWkHRS8Kt7zAe1ImQ7M8TVfGoCdI2y-koEJTiZb1IKq8OQSn0rwU8xI15RgMnQ==";

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
            + "security.two_factor_always_validate=false\n"
            + "security.two_factor_rescue_mail="
            + HELP_DESK
            + "\n"
            + "security.multi_factor_recovery_codes=true\n"
            + "security.multi_factor_recovery_codes_n=3\n"
            + "security.multi_factor_recovery_codes_keys="
            + "DUtNaPVmzGLaQJUFFII52Hv1KTSxeeljXC9V2iAgZ8E=,"
            + "2OrlflR2XKCaIu0bC6jnkbjIc6nULO-5xu1SydbDWAE=\n"
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

  /** Calls the test support without cookies: no session, so no CSRF token needed. */
  ApiClient support;

  Duration offset = Duration.ZERO;

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
    support = new ApiClient(base);
  }

  @AfterEach
  void resetClock() {
    support.postJson("api/test-support/clock?seconds=0", "{}");
  }

  // --- authenticator app ---

  @Test
  void setupWhenAuthenticatorThenCodeFromReturnedKeyConfirmsItAndSignInNeedsIt() {
    String email = newUser("authr");
    signIn(client, email);
    Reply info = client.get("api/tf-setup", "Accept", JSON);
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.response().getBoolean("tf_required")).isFalse();
    assertThat(info.response().isNull("tf_method")).isTrue();
    assertThat(strings(info.response(), "tf_available_methods"))
        .containsExactly("email", "authenticator", "sms");

    Reply setup =
        post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "authenticator"));
    assertThat(setup.status()).isEqualTo(200);
    JsonObject started = setup.response();
    assertThat(started.getString("tf_state")).isEqualTo("validating_profile");
    assertThat(started.getString("tf_method")).isEqualTo("authenticator");
    assertThat(started.getString("tf_authr_issuer")).isEqualTo("Portcullis IT");
    assertThat(started.getString("tf_authr_username")).isEqualTo(email);
    assertThat(started.getString("tf_authr_key")).matches("([A-Z2-7]{4}-)+[A-Z2-7]{4}");
    assertThat(started.getString("tf_authr_qrcode")).startsWith("data:image/svg+xml;base64,");
    assertThat(stored(email).getString("tf_primary_method"))
        .as("only a correct code stores the new method")
        .isEqualTo("null");

    String key = started.getString("tf_authr_key");
    Reply wrong = validate(client, otherThan(key));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(fieldError(wrong, "code")).isEqualTo("This code is not valid.");
    Reply confirmed = validate(client, Rfc6238.code(key, step()));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.response().containsKey("user")).isTrue();
    assertThat(stored(email).getString("tf_primary_method")).isEqualTo("authenticator");
    assertThat(stored(email).getString("tf_totp_secret"))
        .as("stored as passlib's JSON, encrypted under the newest wallet tag")
        .startsWith("{\"enckey\":{\"c\":14,")
        .contains("\"t\":\"2\"");
    assertThat(events()).contains("sync:tf-changed:" + email + ":authenticator");

    ApiClient again = new ApiClient(base);
    Reply login = again.login(email, PASSWORD, "?include_auth_token");
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    assertThat(login.response().getString("tf_state")).isEqualTo("ready");
    assertThat(login.response().getString("tf_method")).isEqualTo("authenticator");
    assertThat(login.response().getString("tf_primary_method")).isEqualTo("authenticator");
    assertThat(login.response().containsKey("user")).isFalse();
    assertThat(again.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
    Reply page = again.get("api/tf-validate", "Accept", JSON);
    assertThat(page.response().getJsonObject("recovery_options").keySet())
        .containsExactly("help", "email");

    Reply passed = validate(again, Rfc6238.code(key, step() + 1), "?include_auth_token");
    assertThat(passed.status()).isEqualTo(200);
    assertThat(passed.response().getJsonObject("user").getString("authentication_token"))
        .isNotBlank();
    assertThat(again.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(events())
        .contains(
            "sync:tf-confirmed:" + email + ":authenticator", "sync:authenticated:" + email + ":[]");
  }

  @Test
  void validateWhenCodeReplayedThenRefusedAndALaterStepAccepted() {
    String email = newUser("replay");
    String key = enrolAuthenticator(email);
    long enrolled = step();

    ApiClient second = pending(email);
    assertThat(validate(second, Rfc6238.code(key, enrolled)).status())
        .as("the code that confirmed the set-up cannot sign in")
        .isEqualTo(400);
    assertThat(validate(second, Rfc6238.code(key, enrolled + 1)).status()).isEqualTo(200);

    ApiClient third = pending(email);
    assertThat(validate(third, Rfc6238.code(key, enrolled + 1)).status())
        .as("an accepted code is not accepted again")
        .isEqualTo(400);
    assertThat(validate(third, Rfc6238.code(key, enrolled)).status())
        .as("nor an older one")
        .isEqualTo(400);
    assertThat(validate(third, Rfc6238.code(key, enrolled + 2)).status()).isEqualTo(200);
  }

  @Test
  void validateWhenFiveWrongCodesThenPendingSignInEnds() {
    String email = newUser("guess");
    String key = enrolAuthenticator(email);
    ApiClient guesser = pending(email);
    for (int i = 0; i < 4; i++) {
      assertThat(validate(guesser, otherThan(key)).status()).isEqualTo(400);
    }
    Reply last = validate(guesser, otherThan(key));
    assertThat(last.status()).isEqualTo(400);
    assertThat(last.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many wrong codes. Please sign in again.");
    assertThat(validate(guesser, Rfc6238.code(key, step() + 1)).status())
        .as("the right code no longer helps: the user must start over")
        .isEqualTo(400);
    assertThat(guesser.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  // --- mail and SMS ---

  @Test
  void setupWhenEmailThenCodeFromMailSignsInAndExpiredCodeRefused() {
    String email = newUser("mail");
    signIn(client, email);
    Reply setup = post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "email"));
    assertThat(setup.status()).isEqualTo(200);
    assertThat(setup.response().containsKey("tf_authr_key")).isFalse();
    assertThat(validate(client, mailedCode(email, 1)).status()).isEqualTo(200);
    assertThat(stored(email).getString("tf_primary_method")).isEqualTo("email");
    assertThat(events()).contains("sync:tf-sent:" + email + ":email:null");

    ApiClient next = pending(email);
    assertThat(validate(next, mailedCode(email, 2)).status()).isEqualTo(200);

    ApiClient late = pending(email);
    String code = mailedCode(email, 3);
    moveClock(Duration.ofSeconds(361));
    Reply expired = validate(late, code);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(fieldError(expired, "code")).isEqualTo("This code is not valid.");
    assertThat(late.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void setupWhenSmsThenCodeFromProviderToNumberInE164() {
    String email = newUser("sms");
    signIn(client, email);
    Reply setup =
        post(
            client,
            "api/tf-setup",
            Json.createObjectBuilder().add("setup", "sms").add("phone", "(650) 253-0000"));
    assertThat(setup.status()).isEqualTo(200);
    SmsTrap.Text text = sms.await("+16502530000", 1, WAIT);
    assertThat(text.from()).isEqualTo(SmsTrap.FROM);
    assertThat(text.authorization()).isEqualTo(SmsTrap.expectedAuthorization());
    assertThat(validate(client, code(text.body())).status()).isEqualTo(200);
    assertThat(stored(email).getString("tf_phone_number")).isEqualTo("+16502530000");

    ApiClient next = pending(email);
    SmsTrap.Text second = sms.await("+16502530000", 2, WAIT);
    assertThat(validate(next, code(second.body())).status()).isEqualTo(200);

    sms.failNext(1);
    Reply failed = new ApiClient(base).login(email, PASSWORD, "");
    assertThat(failed.status()).as("the provider refused: Flask's 500").isEqualTo(500);
    assertThat(failed.response().getJsonArray("errors").getString(0))
        .isEqualTo("The code could not be sent. Please try again later.");
  }

  // --- remember this device ---

  @Test
  void loginWhenDeviceRememberedThenSecondFactorSkippedUntilPasswordChanges() {
    String email = newUser("remember");
    String key = enrolAuthenticator(email);
    ApiClient device = new ApiClient(base);
    Reply login = loginRemembering(device, email, PASSWORD);
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    assertThat(validate(device, Rfc6238.code(key, step() + 1)).status()).isEqualTo(200);
    String validity = device.cookie("tf_validity").orElseThrow();
    assertThat(validity).doesNotContain(key);

    post(device, "api/logout", Json.createObjectBuilder());
    Reply remembered = loginRemembering(device, email, PASSWORD);
    assertThat(remembered.status()).isEqualTo(200);
    assertThat(remembered.response().containsKey("tf_required"))
        .as("the remembered device skips the second factor")
        .isFalse();
    assertThat(device.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);

    ApiClient stranger = new ApiClient(base);
    assertThat(loginRemembering(stranger, email, PASSWORD).response().getBoolean("tf_required"))
        .as("another browser has no such cookie")
        .isTrue();

    String newPassword = "Another-Password-42";
    Reply changed =
        post(
            device,
            "api/change",
            Json.createObjectBuilder()
                .add("password", PASSWORD)
                .add("new_password", newPassword)
                .add("new_password_confirm", newPassword));
    assertThat(changed.status()).isEqualTo(200);
    post(device, "api/logout", Json.createObjectBuilder());
    Reply afterChange = loginRemembering(device, email, newPassword);
    assertThat(afterChange.response().getBoolean("tf_required"))
        .as("a password change ends every remembered device")
        .isTrue();
  }

  @Test
  void resetAccessWhenRunThenSecondFactorAndRecoveryCodesGone() {
    String email = newUser("reset");
    enrolAuthenticator(email);
    signInWithAuthenticator(client, email);
    post(client, "api/mf-recovery-codes", Json.createObjectBuilder());
    support.postJson("api/test-support/users/" + email + "/reset-access", "{}");

    JsonObject stored = stored(email);
    assertThat(stored.getString("tf_primary_method")).isEqualTo("null");
    assertThat(stored.getString("tf_totp_secret")).isEqualTo("null");
    assertThat(stored.getString("mf_recovery_codes")).isEmpty();
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
    Reply login = new ApiClient(base).login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().containsKey("tf_required")).isFalse();
  }

  // --- rescue and recovery codes ---

  @Test
  void recoveryCodesWhenGeneratedThenEachSignsInOnceInPlaceOfSecondFactor() {
    String email = newUser("codes");
    enrolAuthenticator(email);
    signInWithAuthenticator(client, email);
    assertThat(
            strings(
                client.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .isEmpty();
    Reply generated = post(client, "api/mf-recovery-codes", Json.createObjectBuilder());
    List<String> codes = strings(generated.response(), "recovery_codes");
    assertThat(codes).hasSize(3).allMatch(c -> c.matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"));
    assertThat(stored(email).getString("mf_recovery_codes"))
        .as("stored as Fernet tokens")
        .startsWith("gAAAAA")
        .doesNotContain(codes.get(0));
    assertThat(
            strings(
                client.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .containsExactlyElementsOf(codes);
    assertThat(events()).contains("sync:codes-generated:" + email + ":3");

    ApiClient lost = pending(email);
    Reply options = lost.get("api/tf-validate", "Accept", JSON);
    assertThat(options.response().getJsonObject("recovery_options").getString("recovery_code"))
        .endsWith("/api/mf-recovery");
    Reply toRecovery =
        post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "recovery_code"));
    assertThat(toRecovery.status()).as("a 302 even for JSON, as in Flask").isEqualTo(302);
    assertThat(toRecovery.header("Location").orElseThrow()).endsWith("/api/mf-recovery");
    Reply wrong =
        post(lost, "api/mf-recovery", Json.createObjectBuilder().add("code", "0000-0000-0000"));
    assertThat(fieldError(wrong, "code")).isEqualTo("This recovery code is not valid.");
    Reply used =
        post(lost, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(1)));
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.response().containsKey("user")).isTrue();
    assertThat(lost.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
    assertThat(lost.cookie("tf_validity"))
        .as("no remembered device after a recovery code")
        .isEmpty();
    assertThat(events()).contains("sync:code-used:" + email + ":2");

    ApiClient replay = pending(email);
    Reply again =
        post(replay, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(1)));
    assertThat(again.status()).as("a recovery code works once").isEqualTo(400);
    Reply other =
        post(replay, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(0)));
    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void rescueWhenEmailThenMailedCodeSignsInAndHelpMailsTheHelpDeskAndSendsAreBounded() {
    String email = newUser("rescue");
    String key = enrolAuthenticator(email);
    ApiClient lost = pending(email);
    Reply rescue =
        post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "email"));
    assertThat(rescue.status()).isEqualTo(200);
    assertThat(rescue.response().getJsonObject("recovery_options").keySet())
        .containsExactly("help", "email");
    String mailed = mailedCode(email, 1);
    assertThat(mailed).as("a code of the same secret").isIn(window(key));
    Reply help = post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "help"));
    assertThat(help.status()).isEqualTo(200);
    MailTrap.Mail helpMail = mail.awaitMail(HELP_DESK, 1, WAIT);
    assertThat(helpMail.text()).contains(email).contains("authenticator");
    Reply bad = post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "sms"));
    assertThat(fieldError(bad, "help_setup")).isEqualTo("This is not one of the choices.");
    assertThat(validate(lost, mailed).status()).isEqualTo(200);

    ApiClient flood = pending(email);
    int status = 200;
    for (int i = 0; i < 5 && status == 200; i++) {
      status =
          post(flood, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "email"))
              .status();
    }
    assertThat(status).as("codes sent per user are bounded").isEqualTo(429);
  }

  // --- several factors ---

  @Test
  void selectWhenTwoFactorsSetUpThenChosenOneStarts() {
    // tf-... users also have the test factor of the sample's test support (TestSecondFactor).
    String email = newUser("tf-select");
    String key = enrolAuthenticator(email);
    ApiClient selecting = new ApiClient(base);
    Reply login = selecting.login(email, PASSWORD, "");
    assertThat(login.response().getBoolean("tf_select")).isTrue();
    assertThat(strings(login.response(), "tf_setup_methods"))
        .containsExactlyInAnyOrder("authenticator", "test");
    assertThat(validate(selecting, Rfc6238.code(key, step() + 1)).status())
        .as("no code before a choice")
        .isEqualTo(400);

    selecting.login(email, PASSWORD, "");
    Reply bad = post(selecting, "api/tf-select", Json.createObjectBuilder().add("which", "sms"));
    assertThat(fieldError(bad, "which")).isEqualTo("This is not one of the choices.");
    Reply chosen =
        post(selecting, "api/tf-select", Json.createObjectBuilder().add("which", "authenticator"));
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.response().getString("tf_state")).isEqualTo("ready");
    assertThat(validate(selecting, Rfc6238.code(key, step() + 1)).status()).isEqualTo(200);
  }

  // --- freshness, disabling, out-of-turn requests and bad input ---

  @Test
  void setupWhenNotFreshThenReauthenticationRequiredAndDisableWhenFreshThenGone() {
    String email = newUser("fresh");
    enrolAuthenticator(email);
    signInWithAuthenticator(client, email);
    moveClock(Duration.ofHours(25));
    Reply stale = post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "disable"));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.response().getBoolean("reauth_required")).isTrue();
    assertThat(stored(email).getString("tf_primary_method")).isEqualTo("authenticator");

    assertThat(
            post(client, "api/verify", Json.createObjectBuilder().add("password", PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(
            strings(client.get("api/tf-setup", "Accept", JSON).response(), "tf_available_methods"))
        .startsWith("disable");
    Reply disabled =
        post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "disable"));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(stored(email).getString("tf_primary_method")).isEqualTo("null");
    assertThat(stored(email).getString("tf_totp_secret")).isEqualTo("null");
    assertThat(events()).contains("sync:tf-disabled:" + email);
    assertThat(new ApiClient(base).login(email, PASSWORD, "").response().containsKey("tf_required"))
        .isFalse();
  }

  @Test
  void endpointsWhenCalledOutOfTurnThenPermissionDeniedAndNothingWritten() {
    ApiClient anonymous = new ApiClient(base);
    for (String path :
        List.of(
            "api/tf-setup",
            "api/tf-validate",
            "api/tf-select",
            "api/tf-rescue",
            "api/mf-recovery")) {
      Reply reply = post(anonymous, path, Json.createObjectBuilder().add("code", "123456"));
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.response().getJsonObject("field_errors").getJsonArray("").getString(0))
          .as(path)
          .isEqualTo("You cannot open this page now.");
    }

    String email = newUser("turn");
    String key = enrolAuthenticator(email);
    ApiClient midway = pending(email);
    Reply setupWhilePending =
        post(midway, "api/tf-setup", Json.createObjectBuilder().add("setup", "email"));
    assertThat(setupWhilePending.status()).as("ready is no set-up state").isEqualTo(400);
    assertThat(validate(midway, Rfc6238.code(key, step() + 1)).status())
        .as("an illegal request drops the pending sign-in")
        .isEqualTo(400);
    assertThat(stored(email).getString("tf_primary_method")).isEqualTo("authenticator");

    signInWithAuthenticator(client, email);
    Reply rescueSignedIn =
        post(client, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "help"));
    assertThat(rescueSignedIn.status()).isEqualTo(400);
    assertThat(rescueSignedIn.response().getJsonArray("errors").getString(0))
        .isEqualTo("You are signed in already; this is only for visitors who are not.");
    Reply validateSignedIn = validate(client, "123456");
    assertThat(validateSignedIn.status()).isEqualTo(400);
    assertThat(client.get("api/whoami", "Accept", JSON).status())
        .as("a signed-in user validating nothing is signed out, as in Flask")
        .isEqualTo(401);
  }

  @Test
  void setupWhenBadInputThenFieldErrorsAndNothingWritten() {
    String email = newUser("input");
    signIn(client, email);
    String csrf = client.csrfToken();
    Reply malformed = client.postJson("api/tf-setup", "{\"setup\":", "X-CSRF-Token", csrf);
    assertThat(malformed.status()).isEqualTo(400);
    Reply number = client.postJson("api/tf-setup", "{\"setup\":7}", "X-CSRF-Token", csrf);
    assertThat(fieldError(number, "setup")).isEqualTo("This field must be text.");
    Reply unknown = post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "fax"));
    assertThat(fieldError(unknown, "setup")).isEqualTo("This method is not available.");
    Reply phone =
        post(
            client,
            "api/tf-setup",
            Json.createObjectBuilder().add("setup", "sms").add("phone", "12"));
    assertThat(fieldError(phone, "phone"))
        .isEqualTo("This phone number is not valid; include the country code.");
    Reply noCsrf = client.postJson("api/tf-setup", "{\"setup\":\"email\"}");
    assertThat(noCsrf.status()).isEqualTo(400);
    assertThat(validate(client, "123456").status()).as("nothing is being set up").isEqualTo(400);

    JsonObject stored = stored(email);
    assertThat(stored.getString("tf_primary_method")).isEqualTo("null");
    assertThat(stored.getString("tf_phone_number")).isEqualTo("null");
    assertThat(mail.messagesFor(email)).isEmpty();
  }

  // --- Flask-Security's data ---

  @Test
  void signInWhenSecretAndRecoveryCodesWrittenByFlaskThenBothWork() {
    String email = newUser("flask");
    support.postJson(
        "api/test-support/users/"
            + email
            + "/two-factor?method=authenticator&secret="
            + URLEncoder.encode(FLASK_SECRET, StandardCharsets.UTF_8),
        "{}");
    support.postJson(
        "api/test-support/users/"
            + email
            + "/recovery-codes?column="
            + URLEncoder.encode(FLASK_CODES, StandardCharsets.UTF_8),
        "{}");

    ApiClient app = pending(email);
    assertThat(validate(app, Rfc6238.code(FLASK_KEY, step())).status())
        .as("the key Flask-Security enrolled in the app")
        .isEqualTo(200);
    assertThat(
            strings(app.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .containsExactly("0a1b-2c3d-4e5f", "ffff-0000-9999");

    ApiClient lost = pending(email);
    Reply used =
        post(lost, "api/mf-recovery", Json.createObjectBuilder().add("code", "ffff-0000-9999"));
    assertThat(used.status()).isEqualTo(200);
    assertThat(stored(email).getString("mf_recovery_codes").split(",")).hasSize(2);
  }

  // --- helpers ---

  private String newUser(String prefix) {
    String email = prefix + "-" + System.nanoTime() + "@example.com";
    String hash =
        support.get("api/test-support/users/user@example.com").json().getString("password");
    support.postJson(
        "api/test-support/users?email="
            + email
            + "&hash="
            + URLEncoder.encode(hash, StandardCharsets.UTF_8),
        "{}");
    return email;
  }

  private void signIn(ApiClient who, String email) {
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().containsKey("user")).isTrue();
  }

  /** Sets up the authenticator for a new user; returns the key the server gave. */
  private String enrolAuthenticator(String email) {
    ApiClient owner = new ApiClient(base);
    Reply login = owner.login(email, PASSWORD, "");
    if (login.response().containsKey("tf_required")) {
      // A tf-... user's test factor (TestSecondFactor) is passed through the test support.
      assertThat(owner.postJson("api/test-support/second-factor", "{}").status()).isEqualTo(200);
    }
    Reply setup =
        post(owner, "api/tf-setup", Json.createObjectBuilder().add("setup", "authenticator"));
    String key = setup.response().getString("tf_authr_key");
    assertThat(validate(owner, Rfc6238.code(key, step())).status()).isEqualTo(200);
    keys.put(email, key);
    return key;
  }

  private void signInWithAuthenticator(ApiClient who, String email) {
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.response().getString("tf_state")).isEqualTo("ready");
    // Enrolment used the current step; a later step of the window signs in.
    String key = keys.get(email);
    assertThat(validate(who, Rfc6238.code(key, step() + 3)).status()).isEqualTo(200);
  }

  /** A client whose password passed and whose second factor is awaited. */
  private ApiClient pending(String email) {
    ApiClient who = new ApiClient(base);
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    return who;
  }

  private Reply loginRemembering(ApiClient who, String email, String password) {
    String csrf = who.csrfToken();
    return who.postJson(
        "api/login",
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", password)
            .add("remember", true)
            .add("csrf_token", csrf)
            .build());
  }

  private Reply validate(ApiClient who, String code) {
    return validate(who, code, "");
  }

  private Reply validate(ApiClient who, String code, String query) {
    return post(who, "api/tf-validate" + query, Json.createObjectBuilder().add("code", code));
  }

  private Reply post(ApiClient who, String path, JsonObjectBuilder body) {
    return who.postJson(path, body.add("csrf_token", who.csrfToken()).build());
  }

  private JsonObject stored(String email) {
    return support.get("api/test-support/users/" + email).json();
  }

  /** The keys the server gave at enrolment, by user. */
  private final java.util.Map<String, String> keys = new java.util.HashMap<>();

  private List<String> events() {
    return support.get("api/test-support/events").json().getJsonArray("events").stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }

  private long step() {
    return Rfc6238.step(Instant.now().plus(offset));
  }

  private void moveClock(Duration by) {
    offset = offset.plus(by);
    support.postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }

  private String mailedCode(String email, int n) {
    return code(mail.awaitMail(email, n, WAIT).text());
  }

  /** Every code of the key's window now (what the server accepts). */
  private List<String> window(String key) {
    long now = step();
    return java.util.stream.LongStream.rangeClosed(now - 4, now + 4)
        .mapToObj(s -> Rfc6238.code(key, s))
        .toList();
  }

  /** A six-digit code that is none of the window's codes. */
  private String otherThan(String key) {
    List<String> valid = window(key);
    for (int i = 0; ; i++) {
      String candidate = String.format("%06d", (i * 7919) % 1_000_000);
      if (!valid.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static String code(String text) {
    Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("No code in:\n" + text);
    }
    return matcher.group(1);
  }

  private static String fieldError(Reply reply, String field) {
    assertThat(reply.status()).as("status of an invalid form").isEqualTo(400);
    return reply.response().getJsonObject("field_errors").getJsonArray(field).getString(0);
  }

  private static List<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
