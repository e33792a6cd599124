package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every Portcullis page in every state a user meets — empty, after a failed submit, with flashed
 * messages, signed in — checked with axe-core (WCAG 2.0–2.2 A and AA rules and best practices) at
 * desktop width and on a 390 px phone (issue 13, item 2): no serious or critical violation. Every
 * violation found, of any impact, is printed with its rule, impact and elements, so minor ones are
 * visible too. Skipped where Chromium or its driver is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class PageAccessibilityIT {

  static final String USER = "user@example.com";
  static final String PASSWORD = "Password123!";
  static final List<Dimension> SIZES = List.of(new Dimension(1280, 900), new Dimension(390, 844));
  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  /** Started here, before Arquillian deploys: the reset page needs a mailed link. */
  static MailTrap trap;

  @Deployment(testable = false)
  static WebArchive deployment() {
    trap = MailTrap.start();
    return SampleDeployment.withMailTo(trap, "");
  }

  @AfterAll
  static void stopTrap() {
    if (trap != null) {
      trap.stop();
    }
  }

  @ArquillianResource URL base;
  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;
  final List<String> blocking = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open();
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void loginPageWhenEmptyFailedFlashedOrRefusedThenNoSeriousViolation() {
    open("security/login_user.xhtml");
    check("login, empty");

    chromium.submitLogin(USER, "wrong-password");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    check("login, wrong password");

    browser.findElement(By.id("identity")).clear();
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    check("login, nothing filled in");

    open("api/admin");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("login, flashed 'please sign in'");

    open("security/login_user.xhtml");
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('input[name=csrf_token]').remove()");
    chromium.submitLogin(USER, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
    check("login, CSRF token refused (form-level error)");

    assertNoBlockingViolation();
  }

  @Test
  void anonymousAccountPagesWhenEmptyFailedOrFlashedThenNoSeriousViolation() {
    open("security/register_user.xhtml");
    check("register, empty");
    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("password")).sendKeys("short");
    browser.findElement(By.id("register-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    check("register, every field wrong");

    open("security/forgot_password.xhtml");
    check("forgot password, empty");
    browser.findElement(By.id("forgot-password-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    check("forgot password, no email");
    browser.findElement(By.id("email")).sendKeys(USER);
    browser.findElement(By.id("forgot-password-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("forgot password, flashed 'instructions sent'");

    open("security/reset_password.xhtml?token=tampered");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("forgot password, flashed error 'link not valid'");

    open("security/send_confirmation.xhtml");
    check("send confirmation, empty");
    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("send-confirmation-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    check("send confirmation, bad email");

    assertNoBlockingViolation();
  }

  @Test
  void resetPageFromMailedLinkWhenEmptyOrFailedThenNoSeriousViolation() {
    int before = trap.messagesFor(USER).size();
    open("security/forgot_password.xhtml");
    browser.findElement(By.id("email")).sendKeys(USER);
    browser.findElement(By.id("forgot-password-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    String mail = trap.awaitMessage(USER, before + 1, Duration.ofSeconds(30));
    String link = URI.create(MailTrap.link(mail, "/api/reset/")).getRawPath();
    browser.get(HeadlessChromium.localhost(base) + link.substring(link.indexOf("api/reset/")));
    wait.until(ExpectedConditions.urlContains("/security/reset_password.xhtml?token="));
    check("reset password, empty");

    browser.findElement(By.id("password")).sendKeys("Staple-Tuning-Orbit-42");
    browser.findElement(By.id("password_confirm")).sendKeys("something else");
    browser.findElement(By.id("reset-password-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("password_confirm-errors"), "."));
    check("reset password, passwords differ");

    assertNoBlockingViolation();
  }

  @Test
  void signedInPagesWhenEmptyFailedOrFlashedThenNoSeriousViolation() {
    open("security/login_user.xhtml");
    chromium.submitLogin(USER, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    check("home page, signed in");

    open("security/login_user.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("home page, flashed 'signed in already'");

    open("security/change_password.xhtml");
    check("change password, empty");
    browser.findElement(By.id("password")).sendKeys("not-my-password");
    browser.findElement(By.id("new_password")).sendKeys("short");
    browser.findElement(By.id("change-password-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    check("change password, wrong current password");

    open("security/change_email.xhtml");
    check("change email, empty");
    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("change-email-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    check("change email, bad address");
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("user-elsewhere@example.com");
    browser.findElement(By.id("change-email-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("change email, flashed 'link sent'");

    open("security/verify.xhtml");
    check("verify, empty");
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.id("verify-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    check("verify, wrong password");

    assertNoBlockingViolation();
  }

  @Test
  void unifiedSigninPagesWhenEmptyFailedSentOrSettingUpThenNoSeriousViolation() {
    open("security/us_signin.xhtml");
    check("unified sign-in, empty");
    browser.findElement(By.id("us-signin-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identity-errors"), "."));
    check("unified sign-in, no identity");
    browser.findElement(By.id("identity")).sendKeys(USER);
    browser.findElement(By.id("send-email")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("chosen_method-errors"), "."));
    check("unified sign-in, method not set up");

    String email = "a11y-us-" + System.nanoTime() + "@example.com";
    ApiClient support = new ApiClient(base);
    String hash = support.get("api/test-support/users/" + USER).json().getString("password");
    support.postJson(
        "api/test-support/users?email="
            + email
            + "&hash="
            + java.net.URLEncoder.encode(hash, java.nio.charset.StandardCharsets.UTF_8),
        "{}");
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    open("security/us_setup.xhtml");
    check("unified sign-in set-up, empty");
    browser.findElement(By.id("chosen_method-authenticator")).click();
    browser.findElement(By.id("us-setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authenticator-key")));
    check("unified sign-in set-up, QR code and key");
    browser.findElement(By.id("passcode")).sendKeys("12345");
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("passcode-errors"), "."));
    check("unified sign-in set-up, wrong code");

    open("security/us_verify.xhtml");
    check("unified re-authentication, empty");
    browser.findElement(By.id("passcode")).sendKeys("wrong");
    browser.findElement(By.id("us-verify-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("passcode-errors"), "."));
    check("unified re-authentication, wrong passcode");

    assertNoBlockingViolation();
  }

  @Test
  void twoFactorPagesWhenChoosingConfirmingSigningInOrRecoveringThenNoSeriousViolation() {
    // A user of its own: the seeded ones must keep signing in without a second factor.
    String email = "a11y-tf-" + System.nanoTime() + "@example.com";
    ApiClient support = new ApiClient(base);
    String hash = support.get("api/test-support/users/" + USER).json().getString("password");
    support.postJson(
        "api/test-support/users?email="
            + email
            + "&hash="
            + java.net.URLEncoder.encode(hash, java.nio.charset.StandardCharsets.UTF_8),
        "{}");
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));

    open("security/two_factor_setup.xhtml");
    check("two-factor set-up, empty");
    browser.findElement(By.id("setup-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("setup-errors"), "."));
    check("two-factor set-up, no method chosen");
    browser.findElement(By.id("setup-authenticator")).click();
    browser.findElement(By.id("setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authenticator-key")));
    check("two-factor set-up, QR code and key");
    String key = chromium.text("authenticator-key");
    browser.findElement(By.id("code")).sendKeys("12345");
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-errors"), "."));
    check("two-factor set-up, wrong code");
    browser.findElement(By.id("code")).clear();
    browser
        .findElement(By.id("code"))
        .sendKeys(Rfc6238.code(key, Rfc6238.step(java.time.Instant.now())));
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("two-factor set-up, flashed 'method changed'");

    open("security/mf_recovery_codes.xhtml");
    check("recovery codes, hidden");
    browser.findElement(By.id("generate-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("codes")));
    check("recovery codes, new set shown");

    open("api/logout");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_verify_code.xhtml"));
    check("two-factor code, empty with rescue options");
    browser.findElement(By.id("code")).sendKeys("12345");
    browser.findElement(By.id("code-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-errors"), "."));
    check("two-factor code, wrong code");
    browser.findElement(By.id("help_setup-email")).click();
    browser.findElement(By.id("rescue-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    check("two-factor code, flashed 'code sent'");

    open("security/mf_recovery.xhtml");
    check("recovery code sign-in, empty");
    browser.findElement(By.id("recovery-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-errors"), "."));
    check("recovery code sign-in, no code");

    assertNoBlockingViolation();
  }

  @Test
  void twoFactorSelectPageWhenTwoFactorsThenNoSeriousViolation() {
    // tf-... users also have the sample test support's own second factor (TestSecondFactor).
    String email = "tf-a11y-" + System.nanoTime() + "@example.com";
    ApiClient api = new ApiClient(base);
    String hash = api.get("api/test-support/users/" + USER).json().getString("password");
    api.postJson(
        "api/test-support/users?email="
            + email
            + "&hash="
            + java.net.URLEncoder.encode(hash, java.nio.charset.StandardCharsets.UTF_8),
        "{}");
    ApiClient owner = new ApiClient(base);
    owner.login(email, PASSWORD, "");
    owner.postJson("api/test-support/second-factor", "{}");
    String csrf = owner.csrfToken();
    String key =
        owner
            .postJson(
                "api/tf-setup",
                jakarta.json.Json.createObjectBuilder()
                    .add("setup", "authenticator")
                    .add("csrf_token", csrf)
                    .build())
            .response()
            .getString("tf_authr_key");
    owner.postJson(
        "api/tf-validate",
        jakarta.json.Json.createObjectBuilder()
            .add("code", Rfc6238.code(key, Rfc6238.step(java.time.Instant.now())))
            .add("csrf_token", owner.csrfToken())
            .build());

    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_select.xhtml"));
    check("two-factor select, empty");
    browser.findElement(By.id("select-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("which-errors"), "."));
    check("two-factor select, nothing chosen");

    assertNoBlockingViolation();
  }

  /** Runs axe on the page as it is, at every size; prints what it finds, keeps what blocks. */
  private void check(String state) {
    for (Dimension size : SIZES) {
      browser.manage().window().setSize(size);
      Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
      // The path only: the reset page's query holds a token.
      String where =
          state
              + " @ "
              + size.getWidth()
              + " px ("
              + URI.create(browser.getCurrentUrl()).getPath()
              + ")";
      assertThat(results.isErrored()).as("axe failed on " + where).isFalse();
      System.out.println(
          "axe: "
              + where
              + ": "
              + results.getViolations().size()
              + " violation(s), "
              + results.getPasses().size()
              + " rules passed");
      for (Rule rule : results.getViolations()) {
        String line = "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp();
        System.out.println(line);
        for (CheckedNode node : rule.getNodes()) {
          System.out.println("    " + node.getTarget() + " " + node.getFailureSummary());
        }
        if (BLOCKING.contains(rule.getImpact())) {
          blocking.add(where + ":" + line);
        }
      }
    }
  }

  private void assertNoBlockingViolation() {
    assertThat(blocking).as("serious or critical axe violations").isEmpty();
  }

  private void open(String path) {
    browser.get(HeadlessChromium.localhost(base) + path);
  }
}
