package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML sign-in page ({@code security/login_user.xhtml}) and the sample's home page, driven in
 * headless Chromium against the sample on a real Payara Micro. Skipped where Chromium or its driver
 * is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class LoginPageIT {

  static final String ADMIN = "admin@example.com";
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
  void loginWhenWrongPasswordThenErrorNextToPasswordAndStillOnLoginPage() {
    browser.get(url("security/login_user.xhtml"));
    signIn(ADMIN, "wrong-password");

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(browser.findElement(By.id("password-errors")).getText())
        .isEqualTo("The password is wrong.");
    assertThat(browser.getCurrentUrl()).contains("/security/login_user.xhtml");
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(ADMIN);
    assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
  }

  @Test
  void loginWhenCorrectPasswordThenHomePageShowsUser() {
    browser.get(url("index.xhtml"));
    assertThat(browser.findElement(By.id("anonymous")).getText()).contains("not signed in");
    browser.findElement(By.id("login")).click();
    signIn(ADMIN, PASSWORD);

    wait.until(ExpectedConditions.urlContains("/index.xhtml"));
    assertThat(browser.findElement(By.id("signed-in")).getText())
        .isEqualTo("Signed in as " + ADMIN);

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
  }

  @Test
  void logoutThenSignedOutMessageAndBackDoesNotShowTheSignedInPage() {
    browser.get(url("security/login_user.xhtml"));
    signIn(ADMIN, PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));

    browser.findElement(By.id("logout")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
    WebElement flash = browser.findElement(By.cssSelector("#flashes li"));
    assertThat(flash.getText()).isEqualTo("You are now signed out.");
    assertThat(flash.getAttribute("class")).isEqualTo("info");
    browser.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anonymous")));
    assertThat(browser.findElements(By.id("signed-in"))).as("cached signed-in page").isEmpty();
  }

  @Test
  void protectedPageWhenAnonymousThenLoginPageAndBackToNext() {
    browser.get(url("api/admin"));

    wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml?next="));
    assertThat(browser.findElement(By.id("flashes")).getText())
        .contains("Please sign in to view this resource.");
    signIn(ADMIN, PASSWORD);

    wait.until(ExpectedConditions.urlContains("/api/admin"));
    assertThat(browser.getCurrentUrl()).endsWith("/sample/api/admin");
    assertThat(browser.getPageSource()).contains("\"admin\":true");
  }

  @Test
  void loginPageWhenAnonymousThenNoSessionButCsrfCookieAndSignInWorks() {
    browser.get(url("security/login_user.xhtml"));
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("server session").isNull();
    Cookie csrf = browser.manage().getCookieNamed("fs_csrf");
    assertThat(csrf).isNotNull();
    assertThat(csrf.isHttpOnly()).isTrue();
    assertThat(csrf.getSameSite()).isEqualTo("Lax");

    signIn(ADMIN, "wrong-password");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNull();
    browser.findElement(By.id("email")).clear();
    signIn(ADMIN, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/index.xhtml"));
    assertThat(browser.findElement(By.id("signed-in")).getText())
        .isEqualTo("Signed in as " + ADMIN);
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNotNull();
  }

  @Test
  void loginWhenCsrfFieldRemovedThenRefusedAndStillAnonymous() {
    browser.get(url("security/login_user.xhtml"));
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('input[name=csrf_token]').remove()");
    signIn(ADMIN, PASSWORD);

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
    assertThat(browser.findElement(By.id("form-errors")).getText())
        .isEqualTo("The CSRF token is missing.");
    browser.get(url("index.xhtml"));
    assertThat(browser.findElement(By.id("anonymous")).getText()).contains("not signed in");
  }

  private void signIn(String email, String password) {
    chromium.submitLogin(email, password);
  }

  /** The page at {@code path}, on {@code localhost} (a secure context) rather than the IP. */
  private String url(String path) {
    return HeadlessChromium.localhost(base) + path;
  }
}
