package dev.portcullis.sample;

import static dev.portcullis.sample.support.TwoFactorSteps.code;
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
 * Two-factor sign-in through the JSON API, black-box, on the state machine of spec §7.2–§7.4: codes
 * are computed here from the key the server returns (RFC 6238, {@link Rfc6238}), read from the
 * mails a real SMTP server received, or from the texts a local SMS provider received; expiry by
 * moving the server's clock. {@code TwoFactorRecoveryIT} covers what follows a sign-in: remembered
 * devices, rescue, recovery codes and Flask-Security's data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorIT {

  static final String PASSWORD = TwoFactorSteps.PASSWORD;
  static final String JSON = TwoFactorSteps.JSON;
  static final Duration WAIT = TwoFactorSteps.WAIT;
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

  // --- authenticator app ---

  @Test
  void setupWhenAuthenticatorThenCodeFromReturnedKeyConfirmsItAndSignInNeedsIt() {
    String email = steps.newUser("authr");
    steps.signIn(client, email);
    Reply info = client.get("api/tf-setup", "Accept", JSON);
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.response().getBoolean("tf_required")).isFalse();
    assertThat(info.response().isNull("tf_method")).isTrue();
    assertThat(strings(info.response(), "tf_available_methods"))
        .containsExactly("email", "authenticator", "sms");

    Reply setup =
        steps.post(
            client, "api/tf-setup", Json.createObjectBuilder().add("setup", "authenticator"));
    assertThat(setup.status()).isEqualTo(200);
    JsonObject started = setup.response();
    assertThat(started.getString("tf_state")).isEqualTo("validating_profile");
    assertThat(started.getString("tf_method")).isEqualTo("authenticator");
    assertThat(started.getString("tf_authr_issuer")).isEqualTo("Portcullis IT");
    assertThat(started.getString("tf_authr_username")).isEqualTo(email);
    assertThat(started.getString("tf_authr_key")).matches("([A-Z2-7]{4}-)+[A-Z2-7]{4}");
    assertThat(started.getString("tf_authr_qrcode")).startsWith("data:image/svg+xml;base64,");
    assertThat(steps.stored(email).getString("tf_primary_method"))
        .as("only a correct code stores the new method")
        .isEqualTo("null");

    String key = started.getString("tf_authr_key");
    Reply wrong = steps.validate(client, steps.otherThan(key));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(fieldError(wrong, "code")).isEqualTo("This code is not valid.");
    Reply confirmed = steps.validate(client, Rfc6238.code(key, steps.step()));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.response().containsKey("user")).isTrue();
    assertThat(steps.stored(email).getString("tf_primary_method")).isEqualTo("authenticator");
    assertThat(steps.stored(email).getString("tf_totp_secret"))
        .as("stored as passlib's JSON, encrypted under the newest wallet tag")
        .startsWith("{\"enckey\":{\"c\":14,")
        .contains("\"t\":\"2\"");
    assertThat(steps.events()).contains("sync:tf-changed:" + email + ":authenticator");

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

    Reply passed =
        steps.validate(again, Rfc6238.code(key, steps.step() + 1), "?include_auth_token");
    assertThat(passed.status()).isEqualTo(200);
    assertThat(passed.response().getJsonObject("user").getString("authentication_token"))
        .isNotBlank();
    assertThat(again.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(steps.events())
        .contains(
            "sync:tf-confirmed:" + email + ":authenticator", "sync:authenticated:" + email + ":[]");
  }

  @Test
  void validateWhenCodeReplayedThenRefusedAndALaterStepAccepted() {
    String email = steps.newUser("replay");
    String key = steps.enrolAuthenticator(email);
    long enrolled = steps.step();

    ApiClient second = steps.pending(email);
    assertThat(steps.validate(second, Rfc6238.code(key, enrolled)).status())
        .as("the code that confirmed the set-up cannot sign in")
        .isEqualTo(400);
    assertThat(steps.validate(second, Rfc6238.code(key, enrolled + 1)).status()).isEqualTo(200);

    ApiClient third = steps.pending(email);
    assertThat(steps.validate(third, Rfc6238.code(key, enrolled + 1)).status())
        .as("an accepted code is not accepted again")
        .isEqualTo(400);
    assertThat(steps.validate(third, Rfc6238.code(key, enrolled)).status())
        .as("nor an older one")
        .isEqualTo(400);
    assertThat(steps.validate(third, Rfc6238.code(key, enrolled + 2)).status()).isEqualTo(200);
  }

  @Test
  void validateWhenFiveWrongCodesThenPendingSignInEnds() {
    String email = steps.newUser("guess");
    String key = steps.enrolAuthenticator(email);
    ApiClient guesser = steps.pending(email);
    for (int i = 0; i < 4; i++) {
      assertThat(steps.validate(guesser, steps.otherThan(key)).status()).isEqualTo(400);
    }
    Reply last = steps.validate(guesser, steps.otherThan(key));
    assertThat(last.status()).isEqualTo(400);
    assertThat(last.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many wrong codes. Please sign in again.");
    assertThat(steps.validate(guesser, Rfc6238.code(key, steps.step() + 1)).status())
        .as("the right code no longer helps: the user must start over")
        .isEqualTo(400);
    assertThat(guesser.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  // --- mail and SMS ---

  @Test
  void setupWhenEmailThenCodeFromMailSignsInAndExpiredCodeRefused() {
    String email = steps.newUser("mail");
    steps.signIn(client, email);
    Reply setup =
        steps.post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "email"));
    assertThat(setup.status()).isEqualTo(200);
    assertThat(setup.response().containsKey("tf_authr_key")).isFalse();
    assertThat(steps.validate(client, steps.mailedCode(email, 1)).status()).isEqualTo(200);
    assertThat(steps.stored(email).getString("tf_primary_method")).isEqualTo("email");
    assertThat(steps.events()).contains("sync:tf-sent:" + email + ":email:null");

    ApiClient next = steps.pending(email);
    assertThat(steps.validate(next, steps.mailedCode(email, 2)).status()).isEqualTo(200);

    ApiClient late = steps.pending(email);
    String code = steps.mailedCode(email, 3);
    // The two codes before were used, so this one may belong to a step up to two ahead (60 s):
    // past the 300 s window even then.
    steps.moveClock(Duration.ofSeconds(300 + 60 + 61));
    Reply expired = steps.validate(late, code);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(fieldError(expired, "code")).isEqualTo("This code is not valid.");
    assertThat(late.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void setupWhenSmsThenCodeFromProviderToNumberInE164() {
    String email = steps.newUser("sms");
    steps.signIn(client, email);
    Reply setup =
        steps.post(
            client,
            "api/tf-setup",
            Json.createObjectBuilder().add("setup", "sms").add("phone", "(650) 253-0000"));
    assertThat(setup.status()).isEqualTo(200);
    SmsTrap.Text text = sms.await("+16502530000", 1, WAIT);
    assertThat(text.from()).isEqualTo(SmsTrap.FROM);
    assertThat(text.authorization()).isEqualTo(SmsTrap.expectedAuthorization());
    assertThat(steps.validate(client, code(text.body())).status()).isEqualTo(200);
    assertThat(steps.stored(email).getString("tf_phone_number")).isEqualTo("+16502530000");

    ApiClient next = steps.pending(email);
    SmsTrap.Text second = sms.await("+16502530000", 2, WAIT);
    assertThat(steps.validate(next, code(second.body())).status()).isEqualTo(200);

    sms.failNext(1);
    Reply failed = new ApiClient(base).login(email, PASSWORD, "");
    assertThat(failed.status()).as("the provider refused: Flask's 500").isEqualTo(500);
    assertThat(failed.response().getJsonArray("errors").getString(0))
        .isEqualTo("The code could not be sent. Please try again later.");
  }

  // --- several factors ---

  @Test
  void selectWhenTwoFactorsSetUpThenChosenOneStarts() {
    // tf-... users also have the test factor of the sample's test support (TestSecondFactor).
    String email = steps.newUser("tf-select");
    String key = steps.enrolAuthenticator(email);
    ApiClient selecting = new ApiClient(base);
    Reply login = selecting.login(email, PASSWORD, "");
    assertThat(login.response().getBoolean("tf_select")).isTrue();
    assertThat(strings(login.response(), "tf_setup_methods"))
        .containsExactlyInAnyOrder("authenticator", "test");
    assertThat(steps.validate(selecting, Rfc6238.code(key, steps.step() + 1)).status())
        .as("no code before a choice")
        .isEqualTo(400);

    selecting.login(email, PASSWORD, "");
    Reply bad =
        steps.post(selecting, "api/tf-select", Json.createObjectBuilder().add("which", "sms"));
    assertThat(fieldError(bad, "which")).isEqualTo("This is not one of the choices.");
    Reply chosen =
        steps.post(
            selecting, "api/tf-select", Json.createObjectBuilder().add("which", "authenticator"));
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.response().getString("tf_state")).isEqualTo("ready");
    assertThat(steps.validate(selecting, Rfc6238.code(key, steps.step() + 1)).status())
        .isEqualTo(200);
  }

  // --- freshness, disabling, out-of-turn requests and bad input ---

  @Test
  void setupWhenNotFreshThenReauthenticationRequiredAndDisableWhenFreshThenGone() {
    String email = steps.newUser("fresh");
    steps.enrolAuthenticator(email);
    steps.signInWithAuthenticator(client, email);
    steps.moveClock(Duration.ofHours(25));
    Reply stale =
        steps.post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "disable"));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.response().getBoolean("reauth_required")).isTrue();
    assertThat(steps.stored(email).getString("tf_primary_method")).isEqualTo("authenticator");

    assertThat(
            steps
                .post(client, "api/verify", Json.createObjectBuilder().add("password", PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(
            strings(client.get("api/tf-setup", "Accept", JSON).response(), "tf_available_methods"))
        .startsWith("disable");
    Reply disabled =
        steps.post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "disable"));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(steps.stored(email).getString("tf_primary_method")).isEqualTo("null");
    assertThat(steps.stored(email).getString("tf_totp_secret")).isEqualTo("null");
    assertThat(steps.events()).contains("sync:tf-disabled:" + email);
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
      Reply reply = steps.post(anonymous, path, Json.createObjectBuilder().add("code", "123456"));
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.response().getJsonObject("field_errors").getJsonArray("").getString(0))
          .as(path)
          .isEqualTo("You cannot open this page now.");
    }

    String email = steps.newUser("turn");
    String key = steps.enrolAuthenticator(email);
    ApiClient midway = steps.pending(email);
    Reply setupWhilePending =
        steps.post(midway, "api/tf-setup", Json.createObjectBuilder().add("setup", "email"));
    assertThat(setupWhilePending.status()).as("ready is no set-up state").isEqualTo(400);
    assertThat(steps.validate(midway, Rfc6238.code(key, steps.step() + 1)).status())
        .as("an illegal request drops the pending sign-in")
        .isEqualTo(400);
    assertThat(steps.stored(email).getString("tf_primary_method")).isEqualTo("authenticator");

    steps.signInWithAuthenticator(client, email);
    Reply rescueSignedIn =
        steps.post(client, "api/tf-rescue", Json.createObjectBuilder().add("help_setup", "help"));
    assertThat(rescueSignedIn.status()).isEqualTo(400);
    assertThat(rescueSignedIn.response().getJsonArray("errors").getString(0))
        .isEqualTo("You are signed in already; this is only for visitors who are not.");
    Reply validateSignedIn = steps.validate(client, "123456");
    assertThat(validateSignedIn.status()).isEqualTo(400);
    assertThat(client.get("api/whoami", "Accept", JSON).status())
        .as("a signed-in user validating nothing is signed out, as in Flask")
        .isEqualTo(401);
  }

  @Test
  void setupWhenBadInputThenFieldErrorsAndNothingWritten() {
    String email = steps.newUser("input");
    steps.signIn(client, email);
    String csrf = client.csrfToken();
    Reply malformed = client.postJson("api/tf-setup", "{\"setup\":", "X-CSRF-Token", csrf);
    assertThat(malformed.status()).isEqualTo(400);
    Reply number = client.postJson("api/tf-setup", "{\"setup\":7}", "X-CSRF-Token", csrf);
    assertThat(fieldError(number, "setup")).isEqualTo("This field must be text.");
    Reply unknown =
        steps.post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "fax"));
    assertThat(fieldError(unknown, "setup")).isEqualTo("This method is not available.");
    Reply phone =
        steps.post(
            client,
            "api/tf-setup",
            Json.createObjectBuilder().add("setup", "sms").add("phone", "12"));
    assertThat(fieldError(phone, "phone"))
        .isEqualTo("This phone number is not valid; include the country code.");
    Reply noCsrf = client.postJson("api/tf-setup", "{\"setup\":\"email\"}");
    assertThat(noCsrf.status()).isEqualTo(400);
    assertThat(steps.validate(client, "123456").status())
        .as("nothing is being set up")
        .isEqualTo(400);

    JsonObject stored = steps.stored(email);
    assertThat(stored.getString("tf_primary_method")).isEqualTo("null");
    assertThat(stored.getString("tf_phone_number")).isEqualTo("null");
    assertThat(mail.messagesFor(email)).isEmpty();
  }
}
