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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
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
    assertThat(browser.findElement(By.id("identity")).getAttribute("value")).isEqualTo(ADMIN);
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
    assertThat(chromium.text("flashes")).isEqualTo("You are now signed out.");
    assertThat(browser.findElement(By.cssSelector("#flashes li")).getAttribute("class"))
        .isEqualTo("info");
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
    assertThat(browser.findElements(By.cssSelector("main [role=status] #flashes"))).hasSize(1);
    // Being sent to sign in is news, not a mistake (issue 13, item 4).
    assertThat(browser.findElements(By.cssSelector("#flashes li.info"))).hasSize(1);
    assertThat(browser.getTitle()).doesNotStartWith("Error");
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
    browser.findElement(By.id("identity")).clear();
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
    // Not about a field: the summary, an alert inside <main>, has the focus.
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("form-errors");
    assertThat(browser.findElements(By.cssSelector("main [role=alert] #form-errors"))).hasSize(1);
    browser.get(url("index.xhtml"));
    assertThat(browser.findElement(By.id("anonymous")).getText()).contains("not signed in");
  }

  /**
   * Issue 13, item 2: autofill hints and input types reach the browser (passthrough attributes).
   */
  @Test
  void pagesWhenRenderedThenAutocompleteAndEmailTypeReachTheBrowser() {
    browser.get(url("security/login_user.xhtml"));
    assertThat(browser.findElement(By.id("password")).getAttribute("autocomplete"))
        .isEqualTo("current-password");
    assertThat(browser.getTitle()).isEqualTo("Sign in – Portcullis sample");

    browser.get(url("security/register_user.xhtml"));
    WebElement email = browser.findElement(By.id("email"));
    assertThat(email.getAttribute("type")).isEqualTo("email");
    assertThat(email.getAttribute("autocomplete")).isEqualTo("email");
    assertThat(email.getAttribute("aria-invalid")).isNull();
    assertThat(browser.findElement(By.id("password")).getAttribute("autocomplete"))
        .isEqualTo("new-password");
    assertThat(browser.findElement(By.id("password_confirm")).getAttribute("autocomplete"))
        .isEqualTo("new-password");
  }

  /**
   * Issue 13, item 2: after a failed submit the field is marked invalid, its error is its
   * description, it has the focus, and the title says there is an error.
   */
  @Test
  void loginWhenWrongPasswordThenFieldInvalidDescribedFocusedAndTitleSaysError() {
    browser.get(url("security/login_user.xhtml"));
    signIn(ADMIN, "wrong-password");

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
    WebElement password = browser.findElement(By.id("password"));
    assertThat(password.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(password.getAttribute("aria-describedby")).contains("password-errors");
    assertThat(browser.findElement(By.id("identity")).getAttribute("aria-invalid")).isNull();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    assertThat(browser.getTitle()).isEqualTo("Error: Sign in – Portcullis sample");
  }

  /**
   * Issue 13, item 4: one "Email or username" field; a username in it signs in as that user (the
   * JSON API keeps Flask's two fields).
   */
  @Test
  void loginWhenUsernameInTheOneIdentityFieldThenSignedIn() {
    browser.get(url("security/login_user.xhtml"));
    assertThat(browser.findElements(By.id("email"))).isEmpty();
    assertThat(browser.findElements(By.id("username"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("label[for=identity]")).getText())
        .isEqualTo("Email or username");
    assertThat(browser.findElement(By.id("identity")).getAttribute("type")).isEqualTo("text");
    assertThat(browser.findElement(By.id("identity")).getAttribute("autocomplete"))
        .isEqualTo("username");

    signIn("admin", PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertThat(chromium.text("signed-in")).isEqualTo("Signed in as " + ADMIN);
  }

  /** Issue 13, item 4: what is wrong with the identity shows under the one field. */
  @Test
  void loginWhenUnknownUsernameOrMalformedAddressThenErrorUnderTheOneField() {
    browser.get(url("security/login_user.xhtml"));
    signIn("nobody" + System.nanoTime(), PASSWORD);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identity-errors"), "."));
    assertThat(chromium.text("identity-errors")).isEqualTo("No account matches this identity.");
    assertThat(browser.findElement(By.id("identity")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("identity");

    browser.findElement(By.id("identity")).clear();
    signIn("someone@", PASSWORD);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("identity-errors"), "valid"));
    assertThat(chromium.text("identity-errors")).isEqualTo("This is not a valid email address.");
  }

  /** Issue 13, item 4: each link under the login form is named after the page it opens. */
  @Test
  void loginPageLinksWhenFollowedThenEachOpensThePageItNames() {
    for (String link : List.of("register-link", "forgot-password-link", "send-confirmation-link")) {
      browser.get(url("security/login_user.xhtml"));
      WebElement anchor = browser.findElement(By.id(link));
      String label = anchor.getText();
      anchor.click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("login_user")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(link).isEqualTo(label);
      // And a way back.
      browser.findElement(By.cssSelector("ul.links a")).click();
      wait.until(ExpectedConditions.urlContains("/security/login_user.xhtml"));
    }
  }

  /**
   * Issue 13, item 3: on a 390 px phone the page fits without sideways scrolling, keeps a margin,
   * and its controls are 44 px targets with 16 px text; the checkbox's label is on its line and the
   * links are a list.
   */
  @Test
  void loginPageWhenOnPhoneThenFitsWithLargeTargetsAndReadableInputs() {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("security/login_user.xhtml"));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
    long content = (Long) js.executeScript("return document.documentElement.scrollWidth");
    assertThat(content).as("no sideways scrolling").isLessThanOrEqualTo(viewport);

    WebElement identity = browser.findElement(By.id("identity"));
    assertThat(identity.getRect().getX()).as("margin to the edge").isGreaterThanOrEqualTo(16);
    assertThat(identity.getCssValue("font-size")).isEqualTo("16px");
    assertThat(identity.getRect().getHeight()).isGreaterThanOrEqualTo(44);
    WebElement submit = browser.findElement(By.id("login-submit"));
    assertThat(submit.getRect().getHeight()).isGreaterThanOrEqualTo(44);
    WebElement checkbox = browser.findElement(By.id("remember"));
    WebElement label = browser.findElement(By.cssSelector("label[for=remember]"));
    assertThat(label.getRect().getHeight()).isGreaterThanOrEqualTo(44);
    assertThat(label.getRect().getX()).isGreaterThan(checkbox.getRect().getX());
    int checkboxMiddle = checkbox.getRect().getY() + checkbox.getRect().getHeight() / 2;
    assertThat(checkboxMiddle)
        .as("checkbox and label on one line")
        .isBetween(label.getRect().getY(), label.getRect().getY() + label.getRect().getHeight());
    WebElement link = browser.findElement(By.cssSelector("ul.links li a#forgot-password-link"));
    assertThat(link.getRect().getHeight()).isGreaterThanOrEqualTo(44);
  }

  /** Issue 13, item 5: a browser that prefers German gets the pages in German. */
  @Test
  void pagesWhenBrowserPrefersGermanThenGermanTextsAndLang() throws IOException {
    try (HeadlessChromium german = HeadlessChromium.open("de-DE")) {
      WebDriver deutsch = german.driver();
      deutsch.get(url("security/login_user.xhtml"));
      assertThat(deutsch.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
      assertThat(german.text("login-form")).contains("Passwort", "Angemeldet bleiben");
      assertThat(deutsch.findElement(By.tagName("h1")).getText()).isEqualTo("Anmelden");
      assertThat(deutsch.findElement(By.id("login-submit")).getAttribute("value"))
          .isEqualTo("Anmelden");
      assertThat(deutsch.findElement(By.cssSelector("label[for=identity]")).getText())
          .isEqualTo("E-Mail-Adresse oder Benutzername");
      assertThat(deutsch.findElement(By.id("send-confirmation-link")).getText())
          .isEqualTo("Bestätigungslink erneut senden");

      deutsch.findElement(By.id("forgot-password-link")).click();
      german.waiting().until(ExpectedConditions.urlContains("/security/forgot_password.xhtml"));
      assertThat(deutsch.findElement(By.tagName("h1")).getText()).isEqualTo("Passwort vergessen?");
      deutsch.findElement(By.id("email")).sendKeys("kein-konto");
      deutsch.findElement(By.id("forgot-password-submit")).click();
      german
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-errors"), "."));
      // The message comes from the messages bundle in the same language.
      assertThat(german.text("email-errors")).isEqualTo("Dies ist keine gültige E-Mail-Adresse.");
    }
  }

  @Test
  void pagesWhenBrowserPrefersEnglishThenEnglishTextsAndLang() {
    browser.get(url("security/login_user.xhtml"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
  }

  private void signIn(String email, String password) {
    chromium.submitLogin(email, password);
  }

  /** The page at {@code path}, on {@code localhost} (a secure context) rather than the IP. */
  private String url(String path) {
    return HeadlessChromium.localhost(base) + path;
  }
}
