package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The steps of the two-factor ITs, black-box through the JSON API: users, sign-ins with and without
 * the second factor, codes computed by {@link Rfc6238} from the key the server gave, the moved
 * server clock, and what the test support reports.
 */
public final class TwoFactorSteps {

  public static final String PASSWORD = "Password123!";
  public static final String JSON = "application/json";
  public static final Duration WAIT = Duration.ofSeconds(30);

  public static final String HELP_DESK = "helpdesk@example.com";

  private final URL base;
  private final MailTrap mail;

  /** Calls the test support without cookies: no session, so no CSRF token needed. */
  private final ApiClient support;

  /** The keys the server gave at enrolment, by user. */
  private final Map<String, String> keys = new HashMap<>();

  private Duration offset = Duration.ZERO;

  public TwoFactorSteps(URL base, MailTrap mail) {
    this.base = base;
    this.mail = mail;
    this.support = new ApiClient(base);
  }

  /**
   * The sample with two-factor on for every method, remembered devices allowed, recovery codes
   * sealed, codes mailed to {@code mail} and texted to {@code sms}. The wallet and Fernet keys are
   * those Flask-Security's fixtures were written with (multifactor-fixtures), so Flask-written data
   * is used as it is.
   */
  public static WebArchive deployment(MailTrap mail, SmsTrap sms) {
    return SampleDeployment.withMailTo(mail, settings(sms));
  }

  /** The settings of {@link #deployment}, for deployments that add their own. */
  public static String settings(SmsTrap sms) {
    return "security.two_factor=true\n"
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
        + sms.configuration()
        + "\n";
  }

  /** Puts the server's clock back. */
  public void resetClock() {
    support.postJson("api/test-support/clock?seconds=0", "{}");
    offset = Duration.ZERO;
  }

  /**
   * Stops the server's clock (until {@link #resetClock}): time passes there only as the test moves
   * it, so waits measured by the server are exact however slow the machine.
   */
  public void freezeClock() {
    support.postJson("api/test-support/clock?freeze=true", "{}");
  }

  /** The test support, for calls of its own. */
  public ApiClient support() {
    return support;
  }

  public String newUser(String prefix) {
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

  public void signIn(ApiClient who, String email) {
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().containsKey("user")).isTrue();
  }

  /** Sets up the authenticator for a new user; returns the key the server gave. */
  public String enrolAuthenticator(String email) {
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

  public void signInWithAuthenticator(ApiClient who, String email) {
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.response().getString("tf_state")).isEqualTo("ready");
    // Enrolment used the current step; a later step of the window signs in.
    String key = keys.get(email);
    assertThat(validate(who, Rfc6238.code(key, step() + 3)).status()).isEqualTo(200);
  }

  /** A client whose password passed and whose second factor is awaited. */
  public ApiClient pending(String email) {
    ApiClient who = new ApiClient(base);
    Reply login = who.login(email, PASSWORD, "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.response().getBoolean("tf_required")).isTrue();
    return who;
  }

  public Reply loginRemembering(ApiClient who, String email, String password) {
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

  public Reply validate(ApiClient who, String code) {
    return validate(who, code, "");
  }

  public Reply validate(ApiClient who, String code, String query) {
    return post(who, "api/tf-validate" + query, Json.createObjectBuilder().add("code", code));
  }

  public Reply post(ApiClient who, String path, JsonObjectBuilder body) {
    return who.postJson(path, body.add("csrf_token", who.csrfToken()).build());
  }

  public JsonObject stored(String email) {
    return support.get("api/test-support/users/" + email).json();
  }

  public List<String> events() {
    return support.get("api/test-support/events").json().getJsonArray("events").stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }

  public long step() {
    return Rfc6238.step(Instant.now().plus(offset));
  }

  public void moveClock(Duration by) {
    offset = offset.plus(by);
    support.postJson("api/test-support/clock?seconds=" + by.toSeconds(), "{}");
  }

  public String mailedCode(String email, int n) {
    return code(mail.awaitMail(email, n, WAIT).text());
  }

  /** Every code of the key's window now (what the server accepts). */
  public List<String> window(String key) {
    long now = step();
    return java.util.stream.LongStream.rangeClosed(now - 4, now + 4)
        .mapToObj(s -> Rfc6238.code(key, s))
        .toList();
  }

  /** A six-digit code that is none of the window's codes. */
  public String otherThan(String key) {
    List<String> valid = window(key);
    for (int i = 0; ; i++) {
      String candidate = String.format("%06d", (i * 7919) % 1_000_000);
      if (!valid.contains(candidate)) {
        return candidate;
      }
    }
  }

  public static String code(String text) {
    Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("No code in:\n" + text);
    }
    return matcher.group(1);
  }

  public static String fieldError(Reply reply, String field) {
    assertThat(reply.status()).as("status of an invalid form").isEqualTo(400);
    return reply.response().getJsonObject("field_errors").getJsonArray(field).getString(0);
  }

  public static List<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
