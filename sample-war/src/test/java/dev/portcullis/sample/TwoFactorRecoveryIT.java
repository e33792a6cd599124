package dev.portcullis.sample;

import static dev.portcullis.sample.support.TwoFactorSteps.fieldError;
import static dev.portcullis.sample.support.TwoFactorSteps.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SmsTrap;
import dev.portcullis.sample.support.TwoFactorSteps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * Two-factor through the JSON API after the code itself (see {@link TwoFactorIT}): remembered
 * devices and what ends them, {@code reset_access}, rescue by mail and help desk, bounded sends,
 * recovery codes, and a secret and recovery codes written by Flask-Security used as they are. Codes
 * are computed from the key the server returns ({@link Rfc6238}) or read from the mails a real SMTP
 * server received. Same deployment settings as {@link TwoFactorIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorRecoveryIT {

  static final String PASSWORD = TwoFactorSteps.PASSWORD;
  static final String JSON = TwoFactorSteps.JSON;
  static final Duration WAIT = TwoFactorSteps.WAIT;
  static final String HELP_DESK = TwoFactorSteps.HELP_DESK;

  /** Written by Flask-Security 5.1.2/passlib under the IT wallet (multifactor-fixtures). */
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
    return TwoFactorSteps.deployment(mail, sms);
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

  // --- remember this device ---

  @Test
  void loginWhenDeviceRememberedThenSecondFactorSkippedUntilPasswordChanges() {
    String email = steps.newUser("remember");
    String key = steps.enrolAuthenticator(email);
    ApiClient device = new ApiClient(base);
    Reply login = steps.loginRemembering(device, email, PASSWORD);
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    assertThat(steps.validate(device, Rfc6238.code(key, steps.step() + 1)).status()).isEqualTo(200);
    String validity = device.cookie("tf_validity").orElseThrow();
    assertThat(validity).doesNotContain(key);

    steps.post(device, "api/logout", Json.createObjectBuilder());
    Reply remembered = steps.loginRemembering(device, email, PASSWORD);
    assertThat(remembered.status()).isEqualTo(200);
    assertThat(remembered.response().containsKey("tf_required"))
        .as("the remembered device skips the second factor")
        .isFalse();
    assertThat(device.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);

    ApiClient stranger = new ApiClient(base);
    assertThat(
            steps.loginRemembering(stranger, email, PASSWORD).response().getBoolean("tf_required"))
        .as("another browser has no such cookie")
        .isTrue();

    String newPassword = "Another-Password-42";
    Reply changed =
        steps.post(
            device,
            "api/change",
            Json.createObjectBuilder()
                .add("password", PASSWORD)
                .add("new_password", newPassword)
                .add("new_password_confirm", newPassword));
    assertThat(changed.status()).isEqualTo(200);
    steps.post(device, "api/logout", Json.createObjectBuilder());
    Reply afterChange = steps.loginRemembering(device, email, newPassword);
    assertThat(afterChange.response().getBoolean("tf_required"))
        .as("a password change ends every remembered device")
        .isTrue();
  }

  @Test
  void resetAccessWhenRunThenSecondFactorAndRecoveryCodesGone() {
    String email = steps.newUser("reset");
    steps.enrolAuthenticator(email);
    steps.signInWithAuthenticator(client, email);
    steps.post(client, "api/mf-recovery-codes", Json.createObjectBuilder());
    steps.support().postJson("api/test-support/users/" + email + "/reset-access", "{}");

    JsonObject stored = steps.stored(email);
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
    String email = steps.newUser("codes");
    steps.enrolAuthenticator(email);
    steps.signInWithAuthenticator(client, email);
    assertThat(
            strings(
                client.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .isEmpty();
    Reply generated = steps.post(client, "api/mf-recovery-codes", Json.createObjectBuilder());
    List<String> codes = strings(generated.response(), "recovery_codes");
    assertThat(codes).hasSize(3).allMatch(c -> c.matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"));
    assertThat(steps.stored(email).getString("mf_recovery_codes"))
        .as("stored as Fernet tokens")
        .startsWith("gAAAAA")
        .doesNotContain(codes.get(0));
    assertThat(
            strings(
                client.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .containsExactlyElementsOf(codes);
    assertThat(steps.events()).contains("sync:codes-generated:" + email + ":3");

    ApiClient lost = steps.pending(email);
    Reply options = lost.get("api/tf-validate", "Accept", JSON);
    assertThat(options.response().getJsonObject("recovery_options").getString("recovery_code"))
        .endsWith("/api/mf-recovery");
    Reply toRecovery =
        steps.post(
            lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "recovery_code"));
    assertThat(toRecovery.status()).as("a 302 even for JSON, as in Flask").isEqualTo(302);
    assertThat(toRecovery.header("Location").orElseThrow()).endsWith("/api/mf-recovery");
    Reply wrong =
        steps.post(
            lost, "api/mf-recovery", Json.createObjectBuilder().add("code", "0000-0000-0000"));
    assertThat(fieldError(wrong, "code")).isEqualTo("This recovery code is not valid.");
    Reply used =
        steps.post(lost, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(1)));
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.response().containsKey("user")).isTrue();
    assertThat(lost.get("api/whoami", "Accept", JSON).status()).isEqualTo(200);
    assertThat(lost.cookie("tf_validity"))
        .as("no remembered device after a recovery code")
        .isEmpty();
    assertThat(steps.events()).contains("sync:code-used:" + email + ":2");

    ApiClient replay = steps.pending(email);
    Reply again =
        steps.post(replay, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(1)));
    assertThat(again.status()).as("a recovery code works once").isEqualTo(400);
    Reply other =
        steps.post(replay, "api/mf-recovery", Json.createObjectBuilder().add("code", codes.get(0)));
    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void rescueWhenEmailThenMailedCodeSignsInAndHelpMailsTheHelpDeskAndSendsAreBounded() {
    String email = steps.newUser("rescue");
    String key = steps.enrolAuthenticator(email);
    ApiClient lost = steps.pending(email);
    Reply rescue =
        steps.post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "email"));
    assertThat(rescue.status()).isEqualTo(200);
    assertThat(rescue.response().getJsonObject("recovery_options").keySet())
        .containsExactly("help", "email");
    String mailed = steps.mailedCode(email, 1);
    assertThat(mailed).as("a code of the same secret").isIn(steps.window(key));
    Reply help =
        steps.post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "help"));
    assertThat(help.status()).isEqualTo(200);
    MailTrap.Mail helpMail = mail.awaitMail(HELP_DESK, 1, WAIT);
    assertThat(helpMail.text()).contains(email).contains("authenticator");
    Reply bad =
        steps.post(lost, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "sms"));
    assertThat(fieldError(bad, "help_setup")).isEqualTo("This is not one of the choices.");
    assertThat(steps.validate(lost, mailed).status()).isEqualTo(200);

    ApiClient flood = steps.pending(email);
    int status = 200;
    for (int i = 0; i < 5 && status == 200; i++) {
      status =
          steps
              .post(flood, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "email"))
              .status();
    }
    assertThat(status).as("codes sent per user are bounded").isEqualTo(429);
  }

  // --- Flask-Security's data ---

  @Test
  void signInWhenSecretAndRecoveryCodesWrittenByFlaskThenBothWork() {
    String email = steps.newUser("flask");
    steps
        .support()
        .postJson(
            "api/test-support/users/"
                + email
                + "/two-factor?method=authenticator&secret="
                + URLEncoder.encode(FLASK_SECRET, StandardCharsets.UTF_8),
            "{}");
    steps
        .support()
        .postJson(
            "api/test-support/users/"
                + email
                + "/recovery-codes?column="
                + URLEncoder.encode(FLASK_CODES, StandardCharsets.UTF_8),
            "{}");

    ApiClient app = steps.pending(email);
    assertThat(steps.validate(app, Rfc6238.code(FLASK_KEY, steps.step())).status())
        .as("the key Flask-Security enrolled in the app")
        .isEqualTo(200);
    assertThat(
            strings(app.get("api/mf-recovery-codes", "Accept", JSON).response(), "recovery_codes"))
        .containsExactly("0a1b-2c3d-4e5f", "ffff-0000-9999");

    ApiClient lost = steps.pending(email);
    Reply used =
        steps.post(
            lost, "api/mf-recovery", Json.createObjectBuilder().add("code", "ffff-0000-9999"));
    assertThat(used.status()).isEqualTo(200);
    assertThat(steps.stored(email).getString("mf_recovery_codes").split(",")).hasSize(2);
  }
}
