package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.Rfc6238;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
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
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two-factor sign-in in headless Chromium, as a person does it: set up the authenticator on the
 * set-up page (the key read from the page, codes computed from it by the test's own RFC 6238), sign
 * out, sign in with password and code; the same with a mailed code read from GreenMail; and
 * recovery codes made on their page and used in place of the code. Skipped where Chromium or its
 * driver is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class TwoFactorPagesIT {

  static final String PASSWORD = "Password123!";
  static final Duration MAIL_WAIT = Duration.ofSeconds(30);

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
  void authenticatorWhenEnrolledOnTheSetupPageThenSignInTakesPasswordAndCode() {
    String email = newUser("pages-authr");
    signIn(email);
    open("security/two_factor_setup.xhtml");
    assertThat(chromium.text("current-method")).isEqualTo("none");
    browser.findElement(By.id("setup-authenticator")).click();
    browser.findElement(By.id("setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authenticator-key")));
    assertThat(browser.findElement(By.id("qr-code")).getAttribute("src"))
        .startsWith("data:image/svg+xml;base64,");
    assertThat(chromium.text("authenticator-account")).isEqualTo(email);
    assertThat(chromium.text("authenticator-issuer")).isEqualTo("Portcullis Sample");
    String key = chromium.text("authenticator-key");

    browser
        .findElement(By.id("code"))
        .sendKeys("000000".equals(code(key, 0)) ? "111111" : "000000");
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-errors"), "."));
    assertThat(chromium.text("code-errors")).isEqualTo("This code is not valid.");
    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(code(key, 0));
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(chromium.text("flashes")).contains("Your two-factor method is changed.");
    assertThat(chromium.text("current-method")).isEqualTo("A code from an authenticator app");

    signOut();
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_verify_code.xhtml"));
    assertThat(open("index.xhtml").findElements(By.id("signed-in")))
        .as("not signed in before the code")
        .isEmpty();
    open("security/two_factor_verify_code.xhtml");
    browser.findElement(By.id("code")).sendKeys(code(key, 1));
    browser.findElement(By.id("code-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(chromium.text("signed-in")).contains(email);
  }

  @Test
  void emailWhenSetUpOnThePageThenTheMailedCodeSignsIn() {
    String email = newUser("pages-mail");
    signIn(email);
    open("security/two_factor_setup.xhtml");
    browser.findElement(By.id("setup-email")).click();
    browser.findElement(By.id("setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
    browser.findElement(By.id("code")).sendKeys(mailedCode(email, 1));
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));

    signOut();
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_verify_code.xhtml"));
    assertThat(chromium.text("main")).contains("We have sent a code to your email address.");
    browser.findElement(By.id("code")).sendKeys(mailedCode(email, 2));
    browser.findElement(By.id("code-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
  }

  @Test
  void recoveryCodeWhenMadeOnItsPageThenSignsInOnceInPlaceOfTheCode() {
    String email = newUser("pages-codes");
    signIn(email);
    String key = enrolAuthenticator();
    open("security/mf_recovery_codes.xhtml?show_codes=1");
    assertThat(chromium.text("no-codes")).isEqualTo("You have no recovery codes yet.");
    browser.findElement(By.id("generate-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("codes")));
    List<String> codes = List.of(chromium.text("codes").split("\\s+"));
    assertThat(codes).hasSize(5);

    signOut();
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_verify_code.xhtml"));
    browser.findElement(By.id("help_setup-recovery_code")).click();
    browser.findElement(By.id("rescue-submit")).click();
    wait.until(ExpectedConditions.urlContains("/security/mf_recovery.xhtml"));
    browser.findElement(By.id("code")).sendKeys(codes.get(2));
    browser.findElement(By.id("recovery-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));

    signOut();
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/two_factor_verify_code.xhtml"));
    open("security/mf_recovery.xhtml");
    browser.findElement(By.id("code")).sendKeys(codes.get(2));
    browser.findElement(By.id("recovery-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-errors"), "."));
    assertThat(chromium.text("code-errors")).isEqualTo("This recovery code is not valid.");
    assertThat(key).isNotBlank();
  }

  @Test
  void pagesWhenOpenedOutOfTurnThenBackToSignInWithTheReason() {
    open("security/two_factor_verify_code.xhtml");
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    assertThat(chromium.text("flashes")).contains("You cannot open this page now.");
    open("security/two_factor_setup.xhtml");
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    open("security/mf_recovery.xhtml");
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
  }

  /** Sets up the authenticator on the page for the signed-in browser; returns the key. */
  private String enrolAuthenticator() {
    open("security/two_factor_setup.xhtml");
    browser.findElement(By.id("setup-authenticator")).click();
    browser.findElement(By.id("setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authenticator-key")));
    String key = chromium.text("authenticator-key");
    browser.findElement(By.id("code")).sendKeys(code(key, 0));
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    return key;
  }

  private String newUser(String prefix) {
    String email = prefix + "-" + System.nanoTime() + "@example.com";
    ApiClient support = new ApiClient(base);
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

  private void signIn(String email) {
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
  }

  private void signOut() {
    open("api/logout");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
  }

  private WebDriver open(String path) {
    browser.get(HeadlessChromium.localhost(base) + path);
    return browser;
  }

  /** The code of the key's time step now plus {@code ahead} steps. */
  private static String code(String key, int ahead) {
    return Rfc6238.code(key, Rfc6238.step(Instant.now()) + ahead);
  }

  private static String mailedCode(String email, int n) {
    Matcher matcher =
        Pattern.compile("\\b(\\d{6})\\b").matcher(trap.awaitMail(email, n, MAIL_WAIT).text());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
