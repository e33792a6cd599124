package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleDeployment;
import jakarta.json.Json;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cookie settings ({@code session.cookie_*}, {@code remember.cookie_*}) given explicitly: the
 * real {@code Set-Cookie} headers carry them even over plain HTTP. Its own deployment because
 * Secure cookies are not sent back over HTTP, which the other ITs rely on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookieSettingsIT {

  static final String USER = "user@example.com";
  static final String PASSWORD = "Password123!";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + String.join(
                "\n",
                "",
                // Login needs no session-bound CSRF token here: the session cookie is Secure and
                // the test client (rightly) does not send it back over HTTP.
                "security.csrf_ignore_unauth_endpoints=true",
                "session.cookie_secure=true",
                "session.cookie_samesite=Strict",
                "session.cookie_httponly=false",
                "remember.cookie_secure=true",
                "remember.cookie_samesite=Strict",
                "remember.cookie_httponly=false",
                "remember.cookie_path=/",
                "remember.cookie_domain=example.test",
                ""));
  }

  @ArquillianResource URL base;
  ApiClient client;

  @BeforeEach
  void newClient() {
    client = new ApiClient(base);
  }

  @Test
  void loginWhenCookieSettingsGivenThenSessionCookieCarriesThem() {
    Reply login = login(false);
    assertThat(login.status()).isEqualTo(200);
    String cookie = setCookie(login, "JSESSIONID");
    assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; SameSite=Strict");
    assertThat(cookie).doesNotContainPattern("(?i)HttpOnly");
  }

  @Test
  void loginWhenRememberAndCookieSettingsGivenThenRememberCookieCarriesThem() {
    Reply login = login(true);
    assertThat(login.status()).isEqualTo(200);
    String cookie = setCookie(login, "remember_token");
    assertThat(cookie)
        .containsIgnoringCase("; Secure")
        .containsIgnoringCase("; SameSite=Strict")
        .containsPattern("(?i);\\s*Path=/(;|$)")
        .containsIgnoringCase("; Domain=example.test");
    assertThat(cookie).doesNotContainPattern("(?i)HttpOnly");
  }

  private Reply login(boolean remember) {
    return client.postJson(
        "api/login",
        Json.createObjectBuilder()
            .add("email", USER)
            .add("password", PASSWORD)
            .add("remember", remember)
            .build());
  }

  private static String setCookie(Reply reply, String name) {
    return reply.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No Set-Cookie for " + name));
  }
}
