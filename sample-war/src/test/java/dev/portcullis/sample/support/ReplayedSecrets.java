package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.HostileCorpus.HostileRequest;
import jakarta.json.Json;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-time secrets the server accepted once, for the hostile corpus to replay (issue 10, item 2:
 * "replayed codes and links"): a second-factor code, a unified sign-in code and a magic link. They
 * need state no generator has — an account with the method set up, a sign-in waiting for its second
 * factor — so they are made here, by the IT's set-up, through the real API: codes computed by
 * {@link Rfc6238} from the key the server gave or read from the mails in the {@link MailTrap}, each
 * used once. The replays are requests of the family {@value #FAMILY}, each with the cookies and
 * CSRF token of the session it needs, so that only the replay itself can be the reason for a
 * refusal.
 *
 * <p>The server's clock stands still from {@link #prepare} until the IT resets it: a pending
 * sign-in and the codes stay within their lifetimes however long the corpus takes, so a refusal
 * cannot be an expiry. {@link #control} then proves the replayed-into sign-in was alive.
 */
public final class ReplayedSecrets {

  /** The family of the replays in the corpus. */
  public static final String FAMILY = "replayed";

  private static final Map<String, String> JSON =
      Map.of("Content-Type", "application/json", "Accept", "application/json");

  private final URL base;
  private final MailTrap mail;
  private final TwoFactorSteps steps;
  private ApiClient pending;
  private String controlCode;

  public ReplayedSecrets(URL base, MailTrap mail) {
    this.base = base;
    this.mail = mail;
    this.steps = new TwoFactorSteps(base, mail);
  }

  /**
   * Freezes the server's clock, uses each secret once and returns the replays: the second-factor
   * code in another sign-in waiting for it and in the signed-in session it already passed, the
   * unified sign-in code (typed, and as its magic link) and a followed magic link (followed again,
   * by a browser and a JSON client, and its code typed).
   */
  public List<HostileRequest> prepare() {
    steps.freezeClock();
    List<HostileRequest> replays = new ArrayList<>();
    replays.addAll(secondFactorCode());
    replays.addAll(unifiedSigninCodeAndLinks());
    return replays;
  }

  /**
   * After the corpus: the sign-in the second-factor code was replayed into takes a fresh code, so
   * it was waiting all along and the replay was refused for being one. Signs that user in.
   */
  public Reply control() {
    return steps.validate(pending, controlCode);
  }

  private List<HostileRequest> secondFactorCode() {
    String email = steps.newUser("hostile-tf");
    String key = steps.enrolAuthenticator(email);
    long step = steps.step();
    String used = Rfc6238.code(key, step + 1);
    ApiClient first = steps.pending(email);
    assertThat(steps.validate(first, used).status()).as("the code once").isEqualTo(200);
    pending = steps.pending(email);
    controlCode = Rfc6238.code(key, step + 2);
    String body = Json.createObjectBuilder().add("code", used).build().toString();
    return List.of(
        replay("POST", "api/tf-validate", pending, body),
        replay("POST", "api/tf-validate", first, body));
  }

  private List<HostileRequest> unifiedSigninCodeAndLinks() {
    String email = steps.newUser("hostile-us");
    enrolEmail(email);
    ApiClient asker = new ApiClient(base);
    String typed = sendCode(asker, email, 2);
    String typedLink = linkPath(email, 2);
    assertThat(usSignin(asker, email, typed).status()).as("the code once").isEqualTo(200);

    String followedLink = sendCodeAndLink(email, 3);
    String followedCode = TwoFactorSteps.code(mail.awaitMail(email, 3, TwoFactorSteps.WAIT).text());
    Reply followed = new ApiClient(base).get(followedLink, "Accept", "text/html");
    assertThat(followed.status()).isEqualTo(302);
    assertThat(followed.header("Location").orElseThrow())
        .as("the link once: signed in")
        .doesNotContain("us_signin");

    ApiClient thief = new ApiClient(base);
    thief.csrfToken();
    List<HostileRequest> replays = new ArrayList<>();
    replays.add(replay("POST", "api/us-signin", thief, signinBody(email, typed)));
    replays.add(replay("POST", "api/us-signin", thief, signinBody(email, followedCode)));
    for (String link : List.of(typedLink, followedLink)) {
      replays.add(link(link, "text/html"));
      replays.add(link(link, "application/json"));
    }
    return replays;
  }

  /** Sets up the mailed-code method of unified sign-in; its set-up mail is the user's first. */
  private void enrolEmail(String email) {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply started =
        steps.post(owner, "api/us-setup", Json.createObjectBuilder().add("chosen_method", "email"));
    assertThat(started.status()).isEqualTo(200);
    String code = steps.mailedCode(email, 1);
    Reply validated =
        steps.post(
            owner,
            "api/us-setup/" + started.response().getString("state"),
            Json.createObjectBuilder().add("passcode", code));
    assertThat(validated.status()).isEqualTo(200);
  }

  /** Asks for a sign-in code by mail; returns the code of the user's {@code n}-th mail. */
  private String sendCode(ApiClient who, String email, int n) {
    Reply sent =
        steps.post(
            who,
            "api/us-signin/send-code",
            Json.createObjectBuilder().add("identity", email).add("chosen_method", "email"));
    assertThat(sent.status()).isEqualTo(200);
    return steps.mailedCode(email, n);
  }

  private String sendCodeAndLink(String email, int n) {
    sendCode(new ApiClient(base), email, n);
    return linkPath(email, n);
  }

  /** The magic link of the user's {@code n}-th mail, relative to the deployment. */
  private String linkPath(String email, int n) {
    String link =
        MailTrap.link(mail.awaitMail(email, n, TwoFactorSteps.WAIT).text(), "us-verify-link");
    return link.substring(link.indexOf("api/us-verify-link"));
  }

  private Reply usSignin(ApiClient who, String email, String code) {
    return steps.post(
        who,
        "api/us-signin",
        Json.createObjectBuilder().add("identity", email).add("passcode", code));
  }

  private static String signinBody(String email, String code) {
    return Json.createObjectBuilder()
        .add("identity", email)
        .add("passcode", code)
        .build()
        .toString();
  }

  /** A POST in {@code session}: its cookies and CSRF token. */
  private static HostileRequest replay(String method, String path, ApiClient session, String body) {
    Map<String, String> headers = new LinkedHashMap<>(JSON);
    headers.put("X-CSRF-Token", session.csrfToken());
    headers.put("Cookie", session.cookieHeader());
    return HostileCorpus.request(FAMILY, method, path, headers, body);
  }

  /** A magic link followed again by a client without cookies (whoever found the mail). */
  private static HostileRequest link(String path, String accept) {
    return HostileCorpus.request(FAMILY, "GET", path, Map.of("Accept", accept), "");
  }
}
