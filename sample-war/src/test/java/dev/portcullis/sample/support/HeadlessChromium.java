package dev.portcullis.sample.support;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test: a fresh profile ({@code --user-data-dir}) that {@link
 * #close()} deletes, the driver at {@code /usr/bin/chromedriver} (or {@code
 * webdriver.chrome.driver}), and a 15-second wait. Browser tests are skipped where Chromium or its
 * driver is not installed:
 * {@code @EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")}.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private HeadlessChromium(Path profile, WebDriver driver) {
    this.profile = profile;
    this.driver = driver;
    WebDriverWait waiting = new WebDriverWait(driver, Duration.ofSeconds(15));
    // While a page is replaced, Chromium may answer "node does not belong to the document"
    // (a WebDriverException, not a StaleElementReferenceException): keep polling.
    waiting.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    waiting.ignoring(org.openqa.selenium.WebDriverException.class);
    this.wait = waiting;
  }

  /** Whether Chromium and its driver are installed (the condition of the browser tests). */
  public static boolean installed() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  /** Starts Chromium with a fresh profile, asking for English pages. */
  public static HeadlessChromium open() throws IOException {
    return open("en-US");
  }

  /**
   * Starts Chromium with a fresh profile whose user prefers {@code language} (a BCP 47 tag such as
   * {@code de}): its interface language and its {@code Accept-Language}.
   */
  public static HeadlessChromium open(String language) throws IOException {
    return open(language, true);
  }

  /** Starts Chromium with a fresh profile that runs no page scripts, asking for English pages. */
  public static HeadlessChromium openWithoutScripts() throws IOException {
    return open("en-US", false);
  }

  private static HeadlessChromium open(String language, boolean scripts) throws IOException {
    Path profile = Files.createTempDirectory("portcullis-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            language,
            "profile.managed_default_content_settings.javascript",
            scripts ? 1 : 2));
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
        "--lang=" + language,
        "--user-data-dir=" + profile);
    String driver = System.getProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    try {
      return new HeadlessChromium(profile, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      try {
        delete(profile);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * The deployment's base URL on {@code localhost} (a secure context) rather than the IP Arquillian
   * reports.
   */
  public static String localhost(URL base) {
    try {
      return new URL(base.getProtocol(), "localhost", base.getPort(), base.getFile()).toString();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to 15 seconds. */
  public WebDriverWait waiting() {
    return wait;
  }

  /**
   * The stripped text of the element with this id as a sighted user sees it: without the parts only
   * screen readers get ({@code .visually-hidden}, e.g. the "Error:" label of a message), which
   * WebDriver's own {@code getText} includes because they are 1 px boxes, not hidden ones.
   */
  public String text(String id) {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const e = document.getElementById(arguments[0]);"
                    + "if (!e) { return null; }"
                    + "const hidden = [...e.querySelectorAll('.visually-hidden')];"
                    + "hidden.forEach(h => h.style.display = 'none');"
                    + "const text = e.innerText;"
                    + "hidden.forEach(h => h.style.display = '');"
                    + "return text;",
                id);
    if (text == null) {
      throw new NoSuchElementException("No element with id " + id);
    }
    return text.toString().strip();
  }

  /**
   * Fills in the login form on the current page (its one "Email or username" field) and submits it;
   * the caller waits.
   */
  public void submitLogin(String email, String password) {
    driver.findElement(By.id("identity")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
