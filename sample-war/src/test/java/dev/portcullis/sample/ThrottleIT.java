package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.SmsTrap;
import dev.portcullis.sample.support.TwoFactorSteps;
import dev.portcullis.sample.support.WebAuthnClient;
import jakarta.json.Json;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
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
 * The throttle with its default limits (5 failures answered at once, then a wait of 1 s doubling
 * per failure, a 15-minute lockout at 10; 20 and 100 per address), black-box: over the JSON login,
 * HTTP Basic, the second-factor code and WebAuthn credential ids, counted in the database, answered
 * 429 in the envelope with {@code Retry-After}. One trusted proxy is configured ({@code
 * security.proxy_x_for=1}), so each test speaks from addresses of its own in {@code
 * X-Forwarded-For}; generic responses are on, as a locked account must then answer like an identity
 * nobody has. The server's clock stands still and waits pass by moving it, so every wait is exact
 * however slow the machine.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThrottleIT {

  static final String PASSWORD = TwoFactorSteps.PASSWORD;
  static final String WRONG = "not-the-password-1";
  static final String TOO_MANY = "Too many failed attempts. Please try again later.";
  static final String ORIGIN = "http://localhost:8080";
  static final String MAIL_LIMIT = "Too many mails were requested lately. Please try again later.";
  static MailTrap mail;
  static SmsTrap sms;

  @Deployment(testable = false)
  static WebArchive deployment() {
    mail = MailTrap.start();
    sms = SmsTrap.start();
    return SampleDeployment.withMailTo(
        mail,
        TwoFactorSteps.settings(sms)
            + SampleDeployment.DEFAULT_THROTTLE
            + "security.proxy_x_for=1\n"
            + "security.return_generic_responses=true\n"
            + "security.webauthn=true\n"
            + "security.wan_rp_id=localhost\n"
            + "security.wan_origins="
            + ORIGIN
            + "\n");
  }

  @AfterAll
  static void stopTraps() {
    if (sms != null) {
      sms.close();
    }
  }

  @ArquillianResource URL base;
  TwoFactorSteps steps;

  @BeforeEach
  void newStepsAndFrozenClock() {
    steps = new TwoFactorSteps(base, mail);
    steps.freezeClock();
  }

  @AfterEach
  void resetClock() {
    steps.resetClock();
  }

  @Test
  void loginWhenWrongPasswordsThenGrowingWaitThenLockoutAnsweredLikeAnUnknownIdentity() {
    String email = steps.newUser("locked");
    String nobody = "nobody-" + System.nanoTime() + "@example.com";
    ApiClient known = new ApiClient(base);
    ApiClient unknown = new ApiClient(base);

    Reply knownLocked = failUntilLocked(() -> login(known, email, WRONG, "203.0.113.1"));
    Reply unknownLocked = failUntilLocked(() -> login(unknown, nobody, WRONG, "203.0.113.2"));

    Reply rightButLocked = login(known, email, PASSWORD, "203.0.113.1");
    assertLockedOut(rightButLocked);
    assertThat(rightButLocked.body()).isEqualTo(knownLocked.body());
    assertThat(unknownLocked.body())
        .as("a locked account answers like an identity nobody has")
        .isEqualTo(knownLocked.body());
    assertThat(steps.events()).contains("sync:locked-out:" + email + ":password");
    assertThat(steps.events()).noneMatch(e -> e.contains(nobody));

    steps.moveClock(Duration.ofMinutes(15));
    assertThat(login(known, email, PASSWORD, "203.0.113.1").status()).isEqualTo(200);
  }

  @Test
  void usSigninWhenWrongPasscodesThenLockedOutAndAnsweredLikeAnUnknownIdentity() {
    String email = steps.newUser("unified");
    String nobody = "nobody-us-" + System.nanoTime() + "@example.com";
    ApiClient known = new ApiClient(base);
    ApiClient unknown = new ApiClient(base);

    Reply knownLocked = failUntilLocked(() -> usSignin(known, email, WRONG, "203.0.113.20"));
    Reply unknownLocked = failUntilLocked(() -> usSignin(unknown, nobody, WRONG, "203.0.113.21"));

    Reply rightButLocked = usSignin(known, email, PASSWORD, "203.0.113.20");
    assertLockedOut(rightButLocked);
    assertThat(unknownLocked.body())
        .as("a locked account answers like an identity nobody has")
        .isEqualTo(knownLocked.body());
    assertThat(steps.events()).contains("sync:locked-out:" + email + ":password");

    steps.moveClock(Duration.ofMinutes(15));
    assertThat(usSignin(known, email, PASSWORD, "203.0.113.20").status()).isEqualTo(200);
  }

  /**
   * The unified sign-in and re-authentication pages while the throttle refuses: the throttle's
   * message and wait (429 with {@code Retry-After}, as the JSON API), not "wrong passcode", also
   * for the right password; an identity nobody has gets the same page.
   */
  @Test
  void usPagesWhenLockedOutThenThrottleMessageAndRetryAfterNotWrongPasscode() {
    String email = steps.newUser("us-pages");
    String nobody = "nobody-page-" + System.nanoTime() + "@example.com";
    ApiClient signedIn = new ApiClient(base);
    steps.signIn(signedIn, email);
    failUntilLocked(() -> usSignin(new ApiClient(base), email, WRONG, "203.0.113.30"));
    failUntilLocked(() -> usSignin(new ApiClient(base), nobody, WRONG, "203.0.113.31"));

    Reply signinPage = usSigninPage(new ApiClient(base), email, PASSWORD, "203.0.113.32");
    assertPageRefused(signinPage);
    Reply nobodyPage = usSigninPage(new ApiClient(base), nobody, PASSWORD, "203.0.113.33");
    assertPageRefused(nobodyPage);

    Reply verifyPage = usVerifyPage(signedIn, PASSWORD, "203.0.113.34");
    assertPageRefused(verifyPage);

    steps.moveClock(Duration.ofMinutes(15));
    Reply afterLockout = usSigninPage(new ApiClient(base), email, PASSWORD, "203.0.113.32");
    assertThat(afterLockout.status()).as("signed in: redirected on").isEqualTo(302);
  }

  private static void assertPageRefused(Reply page) {
    assertThat(page.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(page.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(Duration.ofMinutes(14).toSeconds(), 900L);
    assertThat(page.body()).contains(TOO_MANY).doesNotContain("The password or code is wrong.");
  }

  /** Posts the stateless {@code us_signin} page's form as a browser does. */
  private static Reply usSigninPage(
      ApiClient browser, String identity, String passcode, String address) {
    String page = "security/us_signin.xhtml";
    Reply form = browser.get(page, "Accept", "text/html");
    return browser.postForm(
        page,
        "us-signin-form=us-signin-form&us-signin-form_SUBMIT=1&identity="
            + encode(identity)
            + "&passcode="
            + encode(passcode)
            + "&next=&us-signin-submit=Sign+in&jakarta.faces.ViewState=stateless&csrf_token="
            + encode(hidden(form, "csrf_token")),
        "Accept",
        "text/html",
        "X-Forwarded-For",
        address);
  }

  /** Posts the {@code us_verify} page's form of a signed-in browser. */
  private static Reply usVerifyPage(ApiClient browser, String passcode, String address) {
    String page = "security/us_verify.xhtml";
    Reply form = browser.get(page, "Accept", "text/html");
    assertThat(form.status()).isEqualTo(200);
    return browser.postForm(
        page,
        "us-verify-form=us-verify-form&us-verify-form_SUBMIT=1&passcode="
            + encode(passcode)
            + "&next=&us-verify-submit=Verify&jakarta.faces.ViewState="
            + encode(hidden(form, "jakarta.faces.ViewState")),
        "Accept",
        "text/html",
        "X-Forwarded-For",
        address);
  }

  private static String hidden(Reply page, String name) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile(
                "name=\"" + java.util.regex.Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(matcher.find()).as("%s field in the page", name).isTrue();
    return matcher.group(1);
  }

  @Test
  void basicWhenWrongPasswordsThenLockedOutOfLoginToo() {
    String email = steps.newUser("basic");
    ApiClient client = new ApiClient(base);

    failUntilLocked(() -> basic(client, email, WRONG, "203.0.113.3"));

    Reply rightButLocked = basic(client, email, PASSWORD, "203.0.113.3");
    assertLockedOut(rightButLocked);
    assertThat(rightButLocked.header("WWW-Authenticate")).isEmpty();
    assertLockedOut(login(new ApiClient(base), email, PASSWORD, "203.0.113.4"));
    assertThat(steps.events()).contains("sync:locked-out:" + email + ":password");
  }

  @Test
  void tfValidateWhenWrongCodesThenSigningInAgainDoesNotResetThemAndTheCodeIsLockedOut() {
    String email = steps.newUser("codes");
    String key = steps.enrolAuthenticator(email);
    String wrong = steps.otherThan(key);

    for (int i = 1; i <= 5; i++) {
      assertThat(steps.validate(pendingAfterPassword(email), wrong).status())
          .as("wrong code %d", i)
          .isIn(400);
    }
    Reply waiting = steps.validate(pendingAfterPassword(email), wrong);
    assertThat(waiting.status()).as("a new sign-in has no new free codes").isEqualTo(429);
    assertThat(waiting.header("Retry-After")).contains("1");
    failUntilLocked(() -> steps.validate(pendingAfterPassword(email), wrong), 5);

    Reply rightButLocked =
        steps.validate(pendingAfterPassword(email), Rfc6238.code(key, steps.step() + 1));
    assertLockedOut(rightButLocked);
    assertThat(steps.events()).contains("sync:locked-out:" + email + ":code");
  }

  @Test
  void loginWhenOneAddressTriedManyIdentitiesThenThatAddressWaitsAndAnotherDoesNot() {
    ApiClient client = new ApiClient(base);
    String prefix = "spray-" + System.nanoTime() + "-";
    for (int i = 0; i < 20; i++) {
      assertThat(login(client, prefix + i + "@example.com", WRONG, "198.51.100.7").status())
          .isEqualTo(400);
    }

    Reply sameAddress = login(client, prefix + "fresh@example.com", WRONG, "198.51.100.7");
    Reply otherAddress = login(client, prefix + "fresh@example.com", WRONG, "198.51.100.8");

    assertThat(sameAddress.status()).isEqualTo(429);
    assertThat(sameAddress.header("Retry-After")).contains("1");
    assertThat(otherAddress.status()).isEqualTo(400);
    Reply behindTheProxy =
        client.postJson(
            "api/login",
            loginBody(client, prefix + "other@example.com", WRONG),
            "X-Forwarded-For",
            "198.51.100.7, 198.51.100.9");
    assertThat(behindTheProxy.status())
        .as("only the last entry (one trusted proxy) is the client")
        .isEqualTo(400);
  }

  @Test
  void
      wanSigninWhenUnknownCredentialIdsFromOneAddressThenItWaitsBeforeAnyKeyIsCheckedAndAnotherDoesNot() {
    String email = steps.newUser("wan-known");
    WebAuthnClient realKey = registeredKey(email, "first");
    // Addresses of their own (198.51.100.200 and up): the other tests count theirs in the same
    // table.
    String guesser = "198.51.100.200";
    for (int i = 0; i < 20; i++) {
      assertThat(wanSignin(new ApiClient(base), new WebAuthnClient(ORIGIN), guesser).status())
          .as("unknown credential id %d", i)
          .isEqualTo(400);
    }

    Reply guessing = wanSignin(new ApiClient(base), new WebAuthnClient(ORIGIN), guesser);
    Reply realFromThere = wanSignin(new ApiClient(base), realKey, guesser);
    Reply elsewhere = wanSignin(new ApiClient(base), new WebAuthnClient(ORIGIN), "198.51.100.201");

    assertThat(guessing.status()).isEqualTo(429);
    assertThat(guessing.header("Retry-After")).contains("1");
    assertThat(guessing.response().getJsonArray("errors").getString(0)).isEqualTo(TOO_MANY);
    assertThat(realFromThere.status()).as("not checked while the address waits").isEqualTo(429);
    assertThat(elsewhere.status()).as("another address").isEqualTo(400);
    steps.moveClock(Duration.ofSeconds(1));
    assertThat(wanSignin(new ApiClient(base), realKey, guesser).status()).isEqualTo(200);
  }

  @Test
  void wanVerifyWhenAnotherUsersKeysAreTriedThenTheSignedInAccountWaitsFromEveryAddress() {
    String ann = steps.newUser("wan-ann");
    WebAuthnClient annKey = registeredKey(ann, "first");
    WebAuthnClient bobKey = registeredKey(steps.newUser("wan-bob"), "first").ignoreAllowList(true);
    ApiClient annSession = new ApiClient(base);
    steps.signIn(annSession, ann);
    for (int i = 1; i <= 5; i++) {
      Reply tried = wanVerify(annSession, i % 2 == 0 ? bobKey : new WebAuthnClient(ORIGIN), i);
      assertThat(tried.status()).as("foreign or unknown key %d", i).isEqualTo(400);
    }

    Reply waiting = wanVerify(annSession, annKey, 6);

    assertThat(waiting.status()).as("her own key, not checked while she waits").isEqualTo(429);
    assertThat(waiting.header("Retry-After")).contains("1");
    steps.moveClock(Duration.ofSeconds(1));
    assertThat(wanVerify(annSession, annKey, 7).status()).isEqualTo(200);
  }

  @Test
  void resetWhenRequestedTooOftenThenNoMoreMailsAndAnUnknownEmailAnswersAlike() {
    String email = steps.newUser("mailed");
    String nobody = "nobody-" + System.nanoTime() + "@example.com";
    ApiClient client = new ApiClient(base);
    for (int i = 1; i <= 5; i++) {
      assertThat(reset(client, email, "192.0.2.50").status()).as("request %d", i).isEqualTo(200);
      assertThat(reset(client, nobody, "192.0.2.51").status()).isEqualTo(200);
    }
    mail.awaitMail(email, 5, TwoFactorSteps.WAIT);

    Reply known = reset(client, email, "192.0.2.52");
    Reply unknown = reset(client, nobody, "192.0.2.53");

    assertThat(known.status()).isEqualTo(429);
    assertThat(known.body()).isEqualTo(unknown.body());
    assertThat(known.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many mails were requested lately. Please try again later.");
    steps.moveClock(Duration.ofHours(1));
    assertThat(reset(client, email, "192.0.2.52").status()).as("a new period").isEqualTo(200);
    mail.awaitMail(email, 6, TwoFactorSteps.WAIT);
    assertThat(mail.messagesFor(email)).as("the refused request mailed nothing").hasSize(6);
  }

  @Test
  void registerWhenOneEmailRequestedTooOftenThenRefusedLikeAnyOtherEmail() {
    String email = "register-" + System.nanoTime() + "@example.com";
    ApiClient client = new ApiClient(base);
    for (int i = 1; i <= 5; i++) {
      assertThat(register(client, email, "192.0.2.6" + i).status())
          .as("request %d (later ones look registered)", i)
          .isEqualTo(200);
    }

    Reply refused = register(client, email, "192.0.2.70");
    Reply otherEmail = register(client, "other-" + email, "192.0.2.70");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many mails were requested lately. Please try again later.");
    assertThat(otherEmail.status()).as("the address has mails left").isEqualTo(200);
  }

  @Test
  void changeEmailWhenOneAccountAsksTooOftenThenRefusedWhileAnotherAccountIsNot() {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, steps.newUser("changer"));
    String prefix = "new-" + System.nanoTime() + "-";
    for (int i = 1; i <= 5; i++) {
      assertThat(changeEmail(owner, prefix + i + "@example.com").status())
          .as("request %d", i)
          .isEqualTo(200);
    }

    Reply refused = changeEmail(owner, prefix + "6@example.com");
    ApiClient neighbour = new ApiClient(base);
    steps.signIn(neighbour, steps.newUser("neighbour"));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.response().getJsonArray("errors").getString(0))
        .isEqualTo("Too many mails were requested lately. Please try again later.");
    assertThat(changeEmail(neighbour, prefix + "7@example.com").status())
        .as("another account, same address")
        .isEqualTo(200);
    mail.awaitMail(prefix + "5@example.com", 1, TwoFactorSteps.WAIT);
    assertThat(mail.messagesFor(prefix + "6@example.com")).as("refused: nothing mailed").isEmpty();
  }

  @Test
  void mailedTokensWhenForgedFromOneAddressThenItsLinksAre429WhileAnotherAddressIsServed() {
    ApiClient client = new ApiClient(base);
    String forger = "198.51.100.30";
    for (int i = 0; i < 20; i++) {
      Reply forged = resetWithToken(client, "forged-" + i + "-" + System.nanoTime(), forger);
      assertThat(forged.status()).as("forged reset token %d", i).isEqualTo(400);
    }

    Reply reset = resetWithToken(client, "forged-next", forger);
    Reply confirm =
        client.get(
            "api/confirm/forged-confirm-token", "Accept", "text/html", "X-Forwarded-For", forger);
    Reply elsewhere =
        client.get(
            "api/confirm/forged-confirm-token",
            "Accept",
            "text/html",
            "X-Forwarded-For",
            "198.51.100.31");

    assertThat(reset.status()).isEqualTo(429);
    assertThat(reset.header("Retry-After")).contains("1");
    assertThat(reset.response().getJsonArray("errors").getString(0)).isEqualTo(TOO_MANY);
    assertThat(confirm.status()).as("the link's redirect becomes the 429 too").isEqualTo(429);
    assertThat(confirm.header("Location")).isEmpty();
    assertThat(elsewhere.status()).as("another address: the usual redirect").isEqualTo(302);
    steps.moveClock(Duration.ofSeconds(1));
    assertThat(resetWithToken(client, "forged-after-wait", forger).status()).isEqualTo(400);
  }

  /**
   * The change-email link ({@code /change-email-confirm/<token>}) counts like the reset and
   * confirmation links: a used, an expired and forged tokens are failures of the client address,
   * and once it must wait even a valid link from it is refused unchecked (429, no redirect), while
   * another address is served.
   */
  @Test
  void changeEmailLinksWhenUsedExpiredOrForgedFromOneAddressThenItsLinksAre429() {
    String forger = "198.51.100.40";
    steps.moveClock(Duration.ofHours(-3));
    String stale = steps.newUser("stale-link");
    String expired = changeEmailToken(stale, "expired-" + System.nanoTime() + "@example.com");
    steps.moveClock(Duration.ofHours(3));
    String mover = steps.newUser("used-link");
    String used = changeEmailToken(mover, "moved-" + System.nanoTime() + "@example.com");
    assertThat(changeEmailLink(used, "198.51.100.41").status()).as("the link once").isEqualTo(302);
    assertThat(userExists(mover)).as("the email changed").isFalse();

    assertThat(changeEmailLink(used, forger).status()).as("used").isEqualTo(302);
    assertThat(changeEmailLink(expired, forger).status()).as("expired").isEqualTo(302);
    for (int i = 3; i <= 20; i++) {
      Reply forged = changeEmailLink("forged-" + i + "-" + System.nanoTime(), forger);
      assertThat(forged.status()).as("forged change-email token %d", i).isEqualTo(302);
    }
    String owner = steps.newUser("valid-link");
    String valid = changeEmailToken(owner, "valid-" + System.nanoTime() + "@example.com");

    Reply refused = changeEmailLink(valid, forger);
    assertThat(refused.status()).as("not checked: 429, not the redirect").isEqualTo(429);
    assertThat(refused.header("Location")).isEmpty();
    assertThat(refused.header("Retry-After")).contains("1");
    assertThat(refused.response().getJsonArray("errors").getString(0)).isEqualTo(TOO_MANY);
    assertThat(userExists(owner)).as("the refused link changed nothing").isTrue();
    assertThat(changeEmailLink(valid, "198.51.100.42").status())
        .as("another address: the link works")
        .isEqualTo(302);
    assertThat(userExists(owner)).isFalse();
  }

  /**
   * The mail pages (forgot password, send confirmation, register) once the mails of one email are
   * used up: the page again with 429, {@code Retry-After} and the throttle's message, nothing
   * mailed; not the redirect of a sent mail.
   */
  @Test
  void mailPagesWhenMailLimitReachedThenAnswered429WithTheThrottlesMessage() {
    String known = steps.newUser("page-mail");
    Reply forgot = null;
    for (int i = 1; i <= 6; i++) {
      forgot = forgotPage(known, "192.0.2.110");
      assertThat(forgot.status()).as("forgot-password page %d", i).isEqualTo(i <= 5 ? 302 : 429);
    }
    assertPageMailRefused(forgot);
    mail.awaitMail(known, 5, TwoFactorSteps.WAIT);

    String nobody = "nobody-page-" + System.nanoTime() + "@example.com";
    Reply confirm = null;
    for (int i = 1; i <= 6; i++) {
      confirm =
          postPage(
              new ApiClient(base),
              "security/send_confirmation.xhtml",
              "send-confirmation-form",
              "send-confirmation-submit",
              "192.0.2.111",
              "email",
              nobody);
      assertThat(confirm.status()).as("send-confirmation page %d", i).isEqualTo(i <= 5 ? 302 : 429);
    }
    assertPageMailRefused(confirm);

    String newcomer = "page-register-" + System.nanoTime() + "@example.com";
    Reply register = null;
    for (int i = 1; i <= 6; i++) {
      register =
          postPage(
              new ApiClient(base),
              "security/register_user.xhtml",
              "register-form",
              "register-submit",
              "192.0.2.112",
              "email",
              newcomer,
              "username",
              "",
              "password",
              PASSWORD,
              "password_confirm",
              PASSWORD);
      assertThat(register.status()).as("register page %d", i).isEqualTo(i <= 5 ? 302 : 429);
    }
    assertPageMailRefused(register);
    assertThat(mail.messagesFor(known)).as("the refused request mailed nothing").hasSize(5);
  }

  private static void assertPageMailRefused(Reply page) {
    assertThat(page.header("Location")).isEmpty();
    long retryAfter = Long.parseLong(page.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(page.body()).contains(MAIL_LIMIT);
  }

  /**
   * The reset-password page with a link the throttle refuses (its address failed too many links):
   * opened and posted, the page with 429, {@code Retry-After} and the throttle's message — not the
   * redirect to the forgot-password page of a checked bad link; the password is not changed even
   * with a valid link.
   */
  @Test
  void resetPageWhenLinkRefusedThenAnswered429WithTheThrottlesMessageNotARedirect() {
    String forger = "198.51.100.50";
    for (int i = 0; i < 20; i++) {
      assertThat(resetWithToken(new ApiClient(base), "forged-page-" + i, forger).status())
          .isEqualTo(400);
    }
    String owner = steps.newUser("reset-page");
    ApiClient asker = new ApiClient(base);
    assertThat(reset(asker, owner, "198.51.100.51").status()).isEqualTo(200);
    String link = MailTrap.link(mail.awaitMessage(owner, 1, TwoFactorSteps.WAIT), "/api/reset/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    String hash = steps.stored(owner).getString("password");

    ApiClient browser = new ApiClient(base);
    Reply opened =
        browser.get(
            "security/reset_password.xhtml?token=" + encode(token),
            "Accept",
            "text/html",
            "X-Forwarded-For",
            forger);
    assertThat(opened.status()).as("opened: %s", opened.header("Location")).isEqualTo(429);
    assertThat(opened.body()).contains(TOO_MANY);
    Reply posted =
        browser.postForm(
            "security/reset_password.xhtml",
            "reset-password-form=reset-password-form&reset-password-submit=submit"
                + "&password=New-Battery-Staple-7&password_confirm=New-Battery-Staple-7"
                + "&token="
                + encode(token)
                + "&jakarta.faces.ViewState=stateless&csrf_token="
                + encode(hidden(opened.body(), "csrf_token").orElseThrow()),
            "Accept",
            "text/html",
            "X-Forwarded-For",
            forger);

    assertThat(posted.status()).as("posted: %s", posted.header("Location")).isEqualTo(429);
    assertThat(posted.header("Location")).isEmpty();
    assertThat(posted.header("Retry-After")).contains("1");
    assertThat(posted.body()).contains(TOO_MANY).doesNotContain("Invalid reset password token");
    assertThat(steps.stored(owner).getString("password")).as("not reset").isEqualTo(hash);
  }

  private Reply forgotPage(String email, String address) {
    return postPage(
        new ApiClient(base),
        "security/forgot_password.xhtml",
        "forgot-password-form",
        "forgot-password-submit",
        address,
        "email",
        email);
  }

  /** Signs {@code email} in, asks to move it to {@code newEmail}; the token of the mailed link. */
  private String changeEmailToken(String email, String newEmail) {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    Reply asked =
        owner.postJson(
            "api/change-email",
            Json.createObjectBuilder()
                .add("email", newEmail)
                .add("csrf_token", owner.csrfToken())
                .build(),
            "X-Forwarded-For",
            "192.0.2.120");
    assertThat(asked.status()).isEqualTo(200);
    String link =
        MailTrap.link(
            mail.awaitMessage(newEmail, 1, TwoFactorSteps.WAIT), "/api/change-email-confirm/");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private Reply changeEmailLink(String token, String address) {
    return new ApiClient(base)
        .get(
            "api/change-email-confirm/" + token, "Accept", "text/html", "X-Forwarded-For", address);
  }

  private boolean userExists(String email) {
    return steps.support().get("api/test-support/users/" + email).status() == 200;
  }

  @Test
  void pagesWhenThrottledThenAnswered429WithTheThrottlesMessage() {
    String email = steps.newUser("pages");
    String address = "203.0.113.40";
    for (int i = 1; i <= 5; i++) {
      assertThat(login(new ApiClient(base), email, WRONG, address).status()).isEqualTo(400);
    }

    ApiClient browser = new ApiClient(base);
    Reply loginPage =
        postPage(
            browser,
            "security/login_user.xhtml",
            "login-form",
            "login-submit",
            address,
            "identity",
            email,
            "password",
            PASSWORD);
    Reply usPage =
        postPage(
            browser,
            "security/us_signin.xhtml",
            "us-signin-form",
            "us-signin-submit",
            address,
            "identity",
            email,
            "passcode",
            PASSWORD);

    for (Reply page : new Reply[] {loginPage, usPage}) {
      assertThat(page.status()).isEqualTo(429);
      assertThat(page.header("Retry-After")).contains("1");
      assertThat(page.body()).contains(TOO_MANY).doesNotContain("Invalid password");
    }
  }

  @Test
  void twoFactorPageWhenCodesThrottledThenAnswered429WithTheThrottlesMessage() {
    String email = steps.newUser("page-codes");
    String key = steps.enrolAuthenticator(email);
    String wrong = steps.otherThan(key);
    for (int i = 1; i <= 5; i++) {
      assertThat(steps.validate(pendingAfterPassword(email), wrong).status()).isEqualTo(400);
    }

    ApiClient browser = new ApiClient(base);
    Reply signIn =
        postPage(
            browser,
            "security/login_user.xhtml",
            "login-form",
            "login-submit",
            null,
            "identity",
            email,
            "password",
            PASSWORD);
    assertThat(signIn.header("Location").orElseThrow()).contains("two_factor_verify_code.xhtml");
    Reply page =
        postPage(
            browser,
            "security/two_factor_verify_code.xhtml",
            "code-form",
            "code-submit",
            null,
            "code",
            Rfc6238.code(key, steps.step() + 1));

    assertThat(page.status()).isEqualTo(429);
    assertThat(page.header("Retry-After")).contains("1");
    assertThat(page.body()).contains(TOO_MANY);
  }

  /**
   * Fails 10 times as soon as the throttle lets each attempt through: 5 answered at once, then each
   * after a 429 whose {@code Retry-After} doubles from 1 s; returns the lockout's 429.
   */
  private Reply failUntilLocked(Supplier<Reply> attempt) {
    for (int i = 1; i <= 5; i++) {
      assertThat(attempt.get().status()).as("free failure %d", i).isIn(400, 401);
    }
    return failUntilLocked(attempt, 5);
  }

  private Reply failUntilLocked(Supplier<Reply> attempt, int failed) {
    for (int failures = failed; failures < 10; failures++) {
      Reply waiting = attempt.get();
      long expected = 1L << (failures - 5);
      assertThat(waiting.status()).as("after %d failures", failures).isEqualTo(429);
      assertThat(waiting.header("Retry-After")).contains(String.valueOf(expected));
      steps.moveClock(Duration.ofSeconds(expected));
      assertThat(attempt.get().status()).as("failure %d", failures + 1).isIn(400, 401);
    }
    Reply locked = attempt.get();
    assertLockedOut(locked);
    return locked;
  }

  private static void assertLockedOut(Reply reply) {
    assertThat(reply.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(reply.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(Duration.ofMinutes(14).toSeconds(), 900L);
    assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(429);
    assertThat(reply.response().getJsonArray("errors").getString(0)).isEqualTo(TOO_MANY);
  }

  private ApiClient pendingAfterPassword(String email) {
    return steps.pending(email);
  }

  /** A key of usage {@code usage} registered for a new session of {@code email} (fresh). */
  private WebAuthnClient registeredKey(String email, String usage) {
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    WebAuthnClient key = new WebAuthnClient(ORIGIN);
    Reply options =
        steps.post(
            owner,
            "api/wan-register",
            Json.createObjectBuilder().add("name", "key-" + System.nanoTime()).add("usage", usage));
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    Reply stored =
        steps.post(
            owner,
            "api/wan-register/" + options.response().getString("wan_state"),
            Json.createObjectBuilder().add("credential", key.create(options.body())));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    return key;
  }

  /**
   * A passkey sign-in with no identity from {@code address}: options, then {@code key}'s answer.
   */
  private static Reply wanSignin(ApiClient client, WebAuthnClient key, String address) {
    Reply options =
        client.postJson(
            "api/wan-signin",
            Json.createObjectBuilder().add("csrf_token", client.csrfToken()).build(),
            "X-Forwarded-For",
            address);
    return client.postJson(
        "api/wan-signin/" + options.response().getString("wan_state"),
        Json.createObjectBuilder()
            .add("credential", key.get(options.body()))
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  /** Re-authentication of {@code session} answered by {@code key}, from an address of its own. */
  private static Reply wanVerify(ApiClient session, WebAuthnClient key, int attempt) {
    String address = "198.51.100." + (210 + attempt);
    Reply options =
        session.postJson(
            "api/wan-verify",
            Json.createObjectBuilder().add("csrf_token", session.csrfToken()).build(),
            "X-Forwarded-For",
            address);
    return session.postJson(
        "api/wan-verify/" + options.response().getString("wan_state"),
        Json.createObjectBuilder()
            .add("credential", key.ignoreAllowList(true).get(options.body()))
            .add("csrf_token", session.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  private static Reply login(ApiClient client, String email, String password, String address) {
    return client.postJson(
        "api/login", loginBody(client, email, password), "X-Forwarded-For", address);
  }

  private static jakarta.json.JsonObject loginBody(
      ApiClient client, String email, String password) {
    return Json.createObjectBuilder()
        .add("email", email)
        .add("password", password)
        .add("csrf_token", client.csrfToken())
        .build();
  }

  private static Reply usSignin(
      ApiClient client, String identity, String passcode, String address) {
    return client.postJson(
        "api/us-signin",
        Json.createObjectBuilder()
            .add("identity", identity)
            .add("passcode", passcode)
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  private static Reply reset(ApiClient client, String email, String address) {
    return client.postJson(
        "api/reset",
        Json.createObjectBuilder()
            .add("email", email)
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  private static Reply register(ApiClient client, String email, String address) {
    return client.postJson(
        "api/register",
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", PASSWORD)
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  private static Reply changeEmail(ApiClient client, String email) {
    return client.postJson(
        "api/change-email",
        Json.createObjectBuilder()
            .add("email", email)
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        "192.0.2.90");
  }

  private static Reply resetWithToken(ApiClient client, String token, String address) {
    return client.postJson(
        "api/reset/" + token,
        Json.createObjectBuilder()
            .add("password", "New-Battery-Staple-7")
            .add("password_confirm", "New-Battery-Staple-7")
            .add("csrf_token", client.csrfToken())
            .build(),
        "X-Forwarded-For",
        address);
  }

  /**
   * Posts a Faces page's form as a browser does: the page's own view state and CSRF field (when it
   * has them), the form's marker, the fields and the button; {@code address} in {@code
   * X-Forwarded-For} when given.
   */
  private static Reply postPage(
      ApiClient browser,
      String page,
      String form,
      String button,
      String address,
      String... fields) {
    String html =
        (address == null
                ? browser.get(page, "Accept", "text/html")
                : browser.get(page, "Accept", "text/html", "X-Forwarded-For", address))
            .body();
    StringBuilder body = new StringBuilder(form + "=" + form + "&" + button + "=submit");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=').append(encode(fields[i + 1]));
    }
    hidden(html, "jakarta.faces.ViewState")
        .ifPresent(v -> body.append("&jakarta.faces.ViewState=").append(encode(v)));
    hidden(html, "csrf_token").ifPresent(v -> body.append("&csrf_token=").append(encode(v)));
    return address == null
        ? browser.postForm(page, body.toString(), "Accept", "text/html")
        : browser.postForm(
            page, body.toString(), "Accept", "text/html", "X-Forwarded-For", address);
  }

  private static Optional<String> hidden(String html, String name) {
    Matcher matcher =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
            .matcher(html);
    return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Reply basic(ApiClient client, String email, String password, String address) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.get(
        "api/whoami",
        "Authorization",
        "Basic " + credentials,
        "Accept",
        "application/json",
        "X-Forwarded-For",
        address);
  }
}
