package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.SampleDeployment;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML sign-in page ({@code security/login_user.xhtml}) and the sample's home page, driven in
 * headless Chromium against the sample on a real Payara Micro. Skipped where Chromium or its driver
 * is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("browserInstalled")
class LoginPageIT {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String ADMIN = "admin@example.com";
  static final String PASSWORD = "Password123!";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withTestSupport();
  }

  static boolean browserInstalled() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  @ArquillianResource URL base;
  Path profile;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("portcullis-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    String driver = System.getProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
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

  private void signIn(String email, String password) {
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
  }

  /** The page at {@code path}, on {@code localhost} (a secure context) rather than the IP. */
  private String url(String path) {
    try {
      return new URL(base.getProtocol(), "localhost", base.getPort(), base.getFile()) + path;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
