package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient.Reply;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Users, sign-ins, tokens and the server's clock of one sample deployment, for the tests. */
public final class SampleAccounts {

  /** The password of the seeded users and of {@link #createUser}'s. */
  public static final String PASSWORD = "Password123!";

  /** A seeded user with the role {@code user}. */
  public static final String USER = "user@example.com";

  private final URL base;

  public SampleAccounts(URL base) {
    this.base = base;
  }

  /** Signs {@code email} in on {@code client}'s session; returns the new CSRF token. */
  public String signIn(ApiClient client, String email) {
    Reply login = client.login(email, PASSWORD, "");
    assertThat(login.status()).as("login of %s", email).isEqualTo(200);
    return login.response().getString("csrf_token");
  }

  /** A new auth token of {@code email}. */
  public String token(String email) {
    return new ApiClient(base)
        .login(email, PASSWORD, "?include_auth_token")
        .response()
        .getJsonObject("user")
        .getString("authentication_token");
  }

  /**
   * A confirmed, active user with {@link #PASSWORD} (the seeded user's hash, through the test
   * support resource: no mail, no confirmation). An email starting with {@code tf-} has the test
   * second factor.
   */
  public String createUser(String prefix) {
    ApiClient support = new ApiClient(base);
    String email = prefix + System.nanoTime() + "@example.com";
    String hash = support.get("api/test-support/users/" + USER).json().getString("password");
    support.postJson(
        "api/test-support/users?email="
            + email
            + "&hash="
            + URLEncoder.encode(hash, StandardCharsets.UTF_8),
        "{}");
    return email;
  }

  /** Moves the server's clock; {@link Duration#ZERO} puts it back. */
  public void moveClock(Duration by) {
    // An anonymous client: a signed-in one would need a CSRF token for the POST.
    new ApiClient(base).postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }

  /** Stops the server's clock until {@link #moveClock} with {@link Duration#ZERO}. */
  public void freezeClock() {
    new ApiClient(base).postJson("api/test-support/clock?freeze=true", "{}");
  }

  /** The path of an absolute (mailed) link, relative to the deployment; the host may differ. */
  public String path(String link) {
    URI uri = URI.create(link);
    String context = URI.create(base.toString()).getRawPath();
    return uri.getRawPath().substring(context.length())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** An address nobody has. */
  public static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() + "@example.com";
  }
}
