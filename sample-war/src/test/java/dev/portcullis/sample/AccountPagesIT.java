package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account pages under {@code security/} (register, forgot password, reset password, change
 * password, change email, verify) in headless Chromium against the sample on Payara Micro: errors
 * next to fields, messages after redirects, access to the pages. Following the mailed links is
 * tested elsewhere (GreenMail). Skipped where Chromium or its driver is not installed (CI installs
 * both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class AccountPagesIT {

  static final String USER = "user@example.com";
  static final String PASSWORD = "Password123!";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withTestSupport();
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
  void registerWhenFieldsInvalidThenErrorsNextToEachFieldAndNothingRegistered() {
    browser.get(url("security/login_user.xhtml"));
    browser.findElement(By.id("register-link")).click();
    wait.until(ExpectedConditions.urlContains("/security/register_user.xhtml"));

    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("password")).sendKeys("short");
    browser.findElement(By.id("password_confirm")).sendKeys("different");
    browser.findElement(By.id("register-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    assertThat(text("email-errors")).isEqualTo("This is not a valid email address.");
    assertThat(text("password-errors")).contains("at least 8 characters");
    assertThat(text("password_confirm-errors")).isEqualTo("The two passwords are not the same.");
    assertThat(text("username-errors")).isEmpty();
    assertThat(browser.getCurrentUrl()).contains("/security/register_user.xhtml");
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("not-an-email");
    assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
  }

  @Test
  void registerWhenEmailTakenThenErrorNextToEmail() {
    browser.get(url("security/register_user.xhtml"));
    browser.findElement(By.id("email")).sendKeys(USER);
    browser.findElement(By.id("password")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("password_confirm")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("register-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    assertThat(text("email-errors")).contains(USER).endsWith("already belongs to an account.");
    assertThat(text("password-errors")).isEmpty();
  }

  @Test
  void registerWhenValidThenHomePageSaysConfirmationSentAndResendWorks() {
    String email = "new-" + System.nanoTime() + "@example.com";
    browser.get(url("security/register_user.xhtml"));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("password_confirm")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("register-submit")).click();

    // Confirmable: not signed in yet, told where the link went.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .isEqualTo("Thank you. We have sent a confirmation link to " + email + ".");
    assertThat(browser.findElements(By.id("anonymous"))).hasSize(1);

    browser.get(url("security/send_confirmation.xhtml?email=" + email));
    browser.findElement(By.id("send-confirmation-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .isEqualTo("We have sent confirmation instructions to " + email + ".");
  }

  @Test
  void changePasswordWhenNewEqualsCurrentThenErrorNextToCurrent() {
    signIn(USER, PASSWORD);
    browser.findElement(By.id("change-password")).click();
    wait.until(ExpectedConditions.urlContains("/security/change_password.xhtml"));

    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("new_password")).sendKeys(PASSWORD);
    browser.findElement(By.id("new_password_confirm")).sendKeys(PASSWORD);
    browser.findElement(By.id("change-password-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(text("password-errors"))
        .isEqualTo("The new password must differ from the current one.");
    assertThat(text("new_password-errors")).isEmpty();
  }

  @Test
  void changePasswordWhenCurrentPasswordWrongThenErrorNextToIt() {
    signIn(USER, PASSWORD);
    browser.findElement(By.id("change-password")).click();
    wait.until(ExpectedConditions.urlContains("/security/change_password.xhtml"));

    browser.findElement(By.id("password")).sendKeys("not-my-password");
    browser.findElement(By.id("new_password")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("new_password_confirm")).sendKeys("An0ther-Passw0rd!");
    browser.findElement(By.id("change-password-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(text("password-errors")).isEqualTo("The password is wrong.");
    assertThat(text("new_password-errors")).isEmpty();
    assertThat(browser.getCurrentUrl()).contains("/security/change_password.xhtml");

    // Unchanged: the old password still signs in.
    browser.get(url("api/logout"));
    signIn(USER, PASSWORD);
  }

  @Test
  void changePasswordWhenAnonymousThenLoginPageWithNext() {
    browser.get(url("security/change_password.xhtml"));

    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml?next="));
    assertThat(text("flashes")).contains("Please sign in to view this resource.");
  }

  @Test
  void changeEmailShowsCurrentEmailAndErrorForBadAddress() {
    signIn(USER, PASSWORD);
    browser.findElement(By.id("change-email")).click();
    wait.until(ExpectedConditions.urlContains("/security/change_email.xhtml"));
    assertThat(text("current-email")).isEqualTo(USER);

    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("change-email-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    assertThat(text("email-errors")).isEqualTo("This is not a valid email address.");
  }

  @Test
  void verifyWhenWrongPasswordThenErrorAndWhenRightThenBackToNext() {
    signIn(USER, PASSWORD);
    browser.get(url("security/verify.xhtml?next=%2Fsample%2Fsecurity%2Fchange_email.xhtml"));

    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.id("verify-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(text("password-errors")).isEqualTo("The password is wrong.");

    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("verify-submit")).click();
    wait.until(ExpectedConditions.urlContains("/security/change_email.xhtml"));
    assertThat(text("flashes")).contains("You are signed in again.");
    assertThat(text("current-email")).isEqualTo(USER);
  }

  @Test
  void forgotPasswordWhenBadEmailThenErrorNextToEmail() {
    browser.get(url("security/login_user.xhtml"));
    browser.findElement(By.id("forgot-password-link")).click();
    wait.until(ExpectedConditions.urlContains("/security/forgot_password.xhtml"));

    browser.findElement(By.id("email")).sendKeys("not-an-email");
    browser.findElement(By.id("forgot-password-submit")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    assertThat(text("email-errors")).isEqualTo("This is not a valid email address.");
    assertThat(browser.getCurrentUrl()).contains("/security/forgot_password.xhtml");
  }

  @Test
  void forgotPasswordWhenKnownEmailThenMessageOnForgotPage() {
    browser.get(url("security/forgot_password.xhtml"));
    browser.findElement(By.id("email")).sendKeys(USER);
    browser.findElement(By.id("forgot-password-submit")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .isEqualTo("We have sent instructions to reset your password to " + USER + ".");
    assertThat(browser.getCurrentUrl()).contains("/security/forgot_password.xhtml");
  }

  @Test
  void changeEmailWhenNewAddressThenMessageOnChangeEmailPage() {
    signIn(USER, PASSWORD);
    browser.get(url("security/change_email.xhtml"));
    browser.findElement(By.id("email")).sendKeys("user-new@example.com");
    browser.findElement(By.id("change-email-submit")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(text("flashes"))
        .startsWith("We have sent a confirmation link to user-new@example.com.");
    assertThat(text("current-email")).isEqualTo(USER);
  }

  @Test
  void resetPasswordWhenTokenInvalidThenForgotPageWithMessage() {
    browser.get(url("security/reset_password.xhtml?token=tampered"));

    wait.until(ExpectedConditions.urlContains("/security/forgot_password.xhtml"));
    assertThat(text("flashes")).isEqualTo("This password reset link is not valid.");
    // Colour is not the only cue: screen readers hear the category first.
    assertThat(
            browser
                .findElement(By.cssSelector("#flashes li.error .visually-hidden"))
                .getAttribute("textContent")
                .strip())
        .isEqualTo("Error:");
    assertThat(browser.getTitle()).startsWith("Error: ");
  }

  @Test
  void sendConfirmationPrefillsEmailFromQuery() {
    browser.get(url("security/send_confirmation.xhtml?email=someone%40example.com"));

    assertThat(browser.findElement(By.id("email")).getAttribute("value"))
        .isEqualTo("someone@example.com");
  }

  /** Issue 13, item 4: no dead ends; every page has a way back. */
  @Test
  void pagesWhenOpenedThenEachHasAWayBack() {
    for (String page : List.of("forgot_password", "send_confirmation", "register_user")) {
      browser.get(url("security/" + page + ".xhtml"));
      browser.findElement(By.cssSelector("ul.links a")).click();
      wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    }
    signIn(USER, PASSWORD);
    for (String page : List.of("change_password", "change_email", "verify")) {
      browser.get(url("security/" + page + ".xhtml"));
      assertThat(browser.findElement(By.id("back-link")).getText()).isEqualTo("Back");
      browser.findElement(By.id("back-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    }
  }

  /** Issue 13, item 4: the password rules show before the first try, read with the field. */
  @Test
  void newPasswordFieldsWhenOpenedThenRulesShownBeforeTheFirstTry() {
    browser.get(url("security/register_user.xhtml"));
    assertThat(text("password-rules")).contains("Password requirements:", "8 to 128 characters");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby"))
        .contains("password-rules");
    assertThat(browser.findElements(By.id("password_confirm-rules"))).isEmpty();

    signIn(USER, PASSWORD);
    browser.get(url("security/change_password.xhtml"));
    assertThat(text("new_password-rules")).contains("8 to 128 characters");
    assertThat(browser.findElements(By.id("password-rules"))).as("the current one").isEmpty();
  }

  /** Issue 13, item 4: a show-password toggle on every password field. */
  @Test
  void showPasswordWhenPressedThenShownAndHiddenAgainWhenSubmitted() {
    browser.get(url("security/register_user.xhtml"));
    WebElement password = browser.findElement(By.id("password"));
    WebElement toggle =
        browser.findElement(By.cssSelector("button.show-password[aria-controls=password]"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(toggle.getText()).isEqualTo("Show password");
    password.sendKeys("An0ther-Passw0rd!");

    toggle.click();
    assertThat(password.getAttribute("type")).isEqualTo("text");
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
    toggle.click();
    assertThat(password.getAttribute("type")).isEqualTo("password");
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");

    toggle.click();
    browser.findElement(By.id("register-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
    assertThat(browser.findElement(By.id("password")).getAttribute("type")).isEqualTo("password");
  }

  /** Issue 13, item 4: the toggle is an enhancement; without scripts the pages work without it. */
  @Test
  void pagesWhenScriptsOffThenNoToggleAndSignInStillWorks() throws IOException {
    try (HeadlessChromium noScript = HeadlessChromium.openWithoutScripts()) {
      WebDriver plain = noScript.driver();
      plain.get(url("security/login_user.xhtml"));
      assertThat(plain.findElement(By.cssSelector("button.show-password")).isDisplayed()).isFalse();
      noScript.submitLogin(USER, PASSWORD);
      noScript.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    }
  }

  /** Signs in through the login page and waits for the home page. */
  private void signIn(String email, String password) {
    browser.get(url("security/login_user.xhtml"));
    chromium.submitLogin(email, password);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
  }

  private String text(String id) {
    return chromium.text(id);
  }

  /** The page at {@code path}, on {@code localhost} (a secure context) rather than the IP. */
  private String url(String path) {
    return HeadlessChromium.localhost(base) + path;
  }
}
