package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * {@code security.two_factor_required}: a user without a second factor sets one up while signing in
 * ({@code setup_from_login}, spec §7.2 step 4 and §7.3) and is signed in by its first code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorRequiredIT {

  static final String PASSWORD = "Password123!";
  static final String JSON = "application/json";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + "security.two_factor=true\n"
            + "security.two_factor_required=true\n"
            + "security.two_factor_enabled_methods=email,authenticator\n"
            + "security.totp_secrets=7=required-it-wallet-secret\n");
  }

  @ArquillianResource URL base;
  ApiClient support;

  @BeforeEach
  void newClients() {
    support = new ApiClient(base);
  }

  @Test
  void loginWhenNoSecondFactorThenSetUpDuringSignInAndItsFirstCodeSignsIn() {
    String email = newUser();
    ApiClient client = new ApiClient(base);
    Reply login = client.login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    assertThat(login.response().getString("tf_state")).isEqualTo("setup_from_login");
    assertThat(login.response().containsKey("user")).isFalse();
    assertThat(client.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);

    Reply info = client.get("api/tf-setup", "Accept", JSON);
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.response().getBoolean("tf_required")).isTrue();
    assertThat(strings(info, "tf_available_methods")).containsExactly("email", "authenticator");
    Reply disable =
        post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "disable"));
    assertThat(disable.status()).isEqualTo(400);
    assertThat(disable.response().getJsonObject("field_errors").getJsonArray("setup").getString(0))
        .isEqualTo("This method is not available.");

    String first = setUpAuthenticator(client);
    assertThat(
            post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "email")).status())
        .as("the method may be chosen again while validating")
        .isEqualTo(200);
    String second = setUpAuthenticator(client);
    assertThat(second).as("every set-up makes a new secret").isNotEqualTo(first);
    long now = Rfc6238.step(Instant.now());
    Reply old =
        post(
            client,
            "api/tf-validate",
            Json.createObjectBuilder().add("code", Rfc6238.code(first, now)));
    assertThat(old.status()).as("the replaced secret's code").isEqualTo(400);

    Reply passed =
        post(
            client,
            "api/tf-validate",
            Json.createObjectBuilder().add("code", Rfc6238.code(second, now)));
    assertThat(passed.status()).isEqualTo(200);
    assertThat(client.get("api/whoami", "Accept", JSON).json().getString("email")).isEqualTo(email);
    assertThat(support.get("api/test-support/users/" + email).json().getString("tf_primary_method"))
        .isEqualTo("authenticator");
    assertThat(events()).contains("sync:tf-confirmed:" + email + ":authenticator");
    assertThat(events()).doesNotContain("sync:tf-changed:" + email + ":authenticator");
  }

  @Test
  void validateWhenStillSettingUpThenIllegalStateEndsThePendingSignIn() {
    String email = newUser();
    ApiClient client = new ApiClient(base);
    client.login(email, PASSWORD, "");
    Reply early = post(client, "api/tf-validate", Json.createObjectBuilder().add("code", "123456"));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.response().getJsonObject("field_errors").getJsonArray("").getString(0))
        .isEqualTo("You cannot open this page now.");
    assertThat(client.get("api/tf-setup", "Accept", JSON).status())
        .as("the pending sign-in is gone")
        .isEqualTo(400);
  }

  @Test
  void loginWhenBrowserThenSentToTheSetUpPage() {
    String email = newUser();
    ApiClient browser = new ApiClient(base);
    String csrf = browser.csrfToken();
    Reply login =
        browser.postForm(
            "api/login",
            "email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&csrf_token="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
            "Accept",
            "text/html");
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location").orElseThrow()).endsWith("/security/two_factor_setup.xhtml");
  }

  private String setUpAuthenticator(ApiClient client) {
    Reply setup =
        post(client, "api/tf-setup", Json.createObjectBuilder().add("setup", "authenticator"));
    assertThat(setup.status()).isEqualTo(200);
    assertThat(setup.response().getString("tf_state")).isEqualTo("validating_profile");
    return setup.response().getString("tf_authr_key");
  }

  private String newUser() {
    String email = "required-" + System.nanoTime() + "@example.com";
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

  private static Reply post(ApiClient who, String path, JsonObjectBuilder body) {
    return who.postJson(path, body.add("csrf_token", who.csrfToken()).build());
  }

  private List<String> events() {
    return support.get("api/test-support/events").json().getJsonArray("events").stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }

  private static List<String> strings(Reply reply, String name) {
    return reply.response().getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
