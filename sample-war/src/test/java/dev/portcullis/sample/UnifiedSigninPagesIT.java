package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.MailTrap;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Unified sign-in in headless Chromium, as a person does it: the email method set up on its page
 * with a wrong then the mailed code, then signing in on the unified sign-in page with a code mailed
 * by its "send code" button, and by the mail's magic link — which works once. Mails are read from
 * GreenMail. Skipped where Chromium or its driver is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class UnifiedSigninPagesIT {

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
  void emailCodeWhenSetUpOnThePageThenTheSentCodeSignsIn() {
    String email = newUser("us-pages-code");
    setUpEmail(email);

    signOut();
    open("security/us_signin.xhtml");
    assertThat(browser.findElements(By.id("login-link")))
        .as("unified sign-in does not replace login here: the password page is linked")
        .hasSize(1);
    browser.findElement(By.id("identity")).sendKeys(email);
    browser.findElement(By.id("send-email")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
    assertThat(chromium.text("code-sent")).isEqualTo("We have sent you a code.");
    assertThat(browser.findElement(By.id("identity")).getAttribute("value")).isEqualTo(email);
    browser.findElement(By.id("passcode")).sendKeys(mailedCode(email, 2));
    browser.findElement(By.id("us-signin-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(chromium.text("signed-in")).contains(email);
  }

  @Test
  void magicLinkWhenOpenedThenSignedInAndASecondTimeRefused() {
    String email = newUser("us-pages-link");
    setUpEmail(email);

    signOut();
    open("security/us_signin.xhtml");
    browser.findElement(By.id("identity")).sendKeys(email);
    browser.findElement(By.id("send-email")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
    String link = MailTrap.link(trap.awaitMail(email, 2, MAIL_WAIT).text(), "us-verify-link");
    String local = HeadlessChromium.localhost(base) + link.substring(link.indexOf("api/"));

    browser.get(local);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(chromium.text("flashes")).contains("You are signed in.");

    signOut();
    browser.get(local);
    wait.until(ExpectedConditions.urlContains("/security/us_signin.xhtml"));
    assertThat(chromium.text("flashes")).contains("This code is not valid.");
    assertThat(open("index.xhtml").findElements(By.id("signed-in"))).isEmpty();
  }

  /** Signs in with the password and sets up the email method on the page, first wrongly. */
  private void setUpEmail(String email) {
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    open("security/us_setup.xhtml");
    assertThat(chromium.text("active-password")).isEqualTo("your password");
    browser.findElement(By.id("chosen_method-email")).click();
    browser.findElement(By.id("us-setup-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
    String code = mailedCode(email, 1);
    browser.findElement(By.id("passcode")).sendKeys(code.equals("000000") ? "111111" : "000000");
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("passcode-errors"), "."));
    assertThat(chromium.text("passcode-errors")).isEqualTo("The password or code is wrong.");
    browser.findElement(By.id("passcode")).sendKeys(code);
    browser.findElement(By.id("confirm-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(chromium.text("flashes")).contains("Your sign-in method is set up.");
    assertThat(chromium.text("active-email")).isEqualTo("a code sent to my email address");
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

  private void signOut() {
    open("api/logout");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
  }

  private WebDriver open(String path) {
    browser.get(HeadlessChromium.localhost(base) + path);
    return browser;
  }

  private static String mailedCode(String email, int n) {
    Matcher matcher =
        Pattern.compile("\\b(\\d{6})\\b").matcher(trap.awaitMail(email, n, MAIL_WAIT).text());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
