package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
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
 * The account lifecycle end to end in headless Chromium, following the links of real mails: the
 * sample mails to a GreenMail {@link MailTrap} in the test JVM, and the browser opens the links it
 * finds there. Register → confirm (mailed link) → sign in, and forgot → reset (mailed link) → sign
 * in. Skipped where Chromium or its driver is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class MailedLinksPageIT {

  static final String PASSWORD = "Correct-Horse-Battery-9";
  static final String NEW_PASSWORD = "Staple-Tuning-Orbit-42";
  static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

  /** Started here, before Arquillian deploys, so that its port goes into the configuration. */
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
  void registerThenConfirmFromMailedLinkThenSignIn() {
    String email = uniqueEmail();
    register(email, PASSWORD);

    // Not confirmed yet: signing in is refused.
    submitLogin(email, PASSWORD);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("login-form"), "Please confirm your email address first."));
    assertThat(browser.getCurrentUrl()).contains("/security/login_user.xhtml");
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();

    // The link from the mail confirms and lands on the login page with a flash.
    String mail = trap.awaitMessage(email, 1, MAIL_TIMEOUT);
    browser.get(sameBase(MailTrap.link(mail, "/api/confirm/")));
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    assertThat(text("flashes")).contains("Thank you. Your email address is confirmed.");

    submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(text("signed-in")).isEqualTo("Signed in as " + email);
  }

  @Test
  void forgotThenResetFromMailedLinkThenSignInWithNewPassword() {
    String email = uniqueEmail();
    register(email, PASSWORD);
    browser.get(
        sameBase(MailTrap.link(trap.awaitMessage(email, 1, MAIL_TIMEOUT), "/api/confirm/")));
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    assertThat(text("flashes")).contains("Your email address is confirmed.");

    // Ask for a reset.
    browser.get(url("security/login_user.xhtml"));
    browser.findElement(By.id("forgot-password-link")).click();
    wait.until(ExpectedConditions.urlContains("/security/forgot_password.xhtml"));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("forgot-password-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .isEqualTo("We have sent instructions to reset your password to " + email + ".");

    // The link from the second mail leads to the reset page.
    String mail = trap.awaitMessage(email, 2, MAIL_TIMEOUT);
    browser.get(sameBase(MailTrap.link(mail, "/api/reset/")));
    wait.until(ExpectedConditions.urlContains("/security/reset_password.xhtml?token="));
    assertThat(browser.findElement(By.id("back-link")).getAttribute("href"))
        .endsWith("/security/login_user.xhtml");

    // A retype that does not match: error next to it, still on the reset page.
    browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
    browser.findElement(By.id("password_confirm")).sendKeys(NEW_PASSWORD + "x");
    browser.findElement(By.id("reset-password-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("password_confirm-errors"), "."));
    assertThat(text("password_confirm-errors")).isEqualTo("The two passwords are not the same.");
    assertThat(text("password-errors")).isEmpty();
    assertThat(browser.getCurrentUrl()).contains("/security/reset_password.xhtml");

    // Matching: reset, then the login page says so.
    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
    browser.findElement(By.id("password_confirm")).clear();
    browser.findElement(By.id("password_confirm")).sendKeys(NEW_PASSWORD);
    browser.findElement(By.id("reset-password-submit")).click();
    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    assertThat(text("flashes")).contains("Your password is reset.");
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
    assertThat(trap.awaitMessage(email, 3, MAIL_TIMEOUT)).contains("Your password was reset");

    // The old password no longer works.
    submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(text("password-errors")).isEqualTo("The password is wrong.");
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();

    // The new one does.
    submitLogin(email, NEW_PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(text("signed-in")).isEqualTo("Signed in as " + email);
  }

  private static String uniqueEmail() {
    return "browser-" + System.nanoTime() + "@example.com";
  }

  /** Registers through the page and checks that it says the confirmation link was sent. */
  private void register(String email, String password) {
    browser.get(url("security/register_user.xhtml"));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("password_confirm")).sendKeys(password);
    browser.findElement(By.id("register-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .isEqualTo("Thank you. We have sent a confirmation link to " + email + ".");
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
  }

  /** Opens the login page and submits it; the caller waits for the outcome. */
  private void submitLogin(String email, String password) {
    browser.get(url("security/login_user.xhtml"));
    chromium.submitLogin(email, password);
  }

  private String text(String id) {
    return chromium.text(id);
  }

  /** The page at {@code path}, on {@code localhost} (a secure context) rather than the IP. */
  private String url(String path) {
    return localBase() + path;
  }

  private String localBase() {
    return HeadlessChromium.localhost(base);
  }

  /**
   * A mailed link on the browser's own origin. The server builds links from the request, so they
   * should already point at {@code localhost}; if not, scheme, host and port are replaced.
   */
  private String sameBase(String link) {
    URI mailed = URI.create(link);
    URI local = URI.create(localBase());
    String rewritten =
        local.getScheme()
            + "://"
            + local.getRawAuthority()
            + mailed.getRawPath()
            + (mailed.getRawQuery() == null ? "" : "?" + mailed.getRawQuery());
    if (!rewritten.equals(link)) {
      System.out.println("Mailed link " + link + " opened as " + rewritten);
    }
    return rewritten;
  }
}
