package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Not a check but the tool that makes the README's screenshots: the main pages of the sample in
 * headless Chromium, on a desktop and on a 390 px phone, written as PNG files to the directory the
 * system property {@code screenshots} names. Runs only when asked:
 *
 * <pre>
 * mvn -pl sample-war -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PageScreenshotsIT -Dscreenshots=$PWD/docs/screenshots
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
@EnabledIfSystemProperty(named = "screenshots", matches = ".+")
class PageScreenshotsIT {

  static final Dimension DESKTOP = new Dimension(1024, 720);
  static final Dimension PHONE = new Dimension(390, 844);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withTestSupport();
  }

  @ArquillianResource URL base;
  final List<Path> written = new ArrayList<>();

  @Test
  void mainPagesWhenShotOnDesktopAndPhoneThenPngFilesWritten() throws IOException {
    Path dir = Path.of(System.getProperty("screenshots"));
    Files.createDirectories(dir);
    try (HeadlessChromium chromium = HeadlessChromium.open()) {
      WebDriver browser = chromium.driver();
      open(browser, "security/login_user.xhtml");
      shoot(browser, dir, "login", DESKTOP, PHONE);

      chromium.submitLogin("user@example.com", "not-the-password");
      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "."));
      shoot(browser, dir, "login-error", PHONE);

      open(browser, "security/register_user.xhtml");
      shoot(browser, dir, "register", DESKTOP, PHONE);

      open(browser, "security/forgot_password.xhtml");
      browser.findElement(By.id("email")).sendKeys("user@example.com");
      browser.findElement(By.id("forgot-password-submit")).click();
      chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
      shoot(browser, dir, "forgot-password-sent", PHONE);

      open(browser, "security/login_user.xhtml");
      chromium.submitLogin("user@example.com", "Password123!");
      chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
      open(browser, "security/change_password.xhtml");
      shoot(browser, dir, "change-password", DESKTOP);
    }
    for (Path file : written) {
      byte[] png = Files.readAllBytes(file);
      assertThat(png).as(file.toString()).startsWith(0x89, 'P', 'N', 'G');
      System.out.println("Screenshot " + file + " (" + png.length / 1024 + " KiB)");
    }
  }

  private void open(WebDriver browser, String path) {
    browser.get(HeadlessChromium.localhost(base) + path);
  }

  /** Writes {@code <name>-desktop.png} and/or {@code <name>-phone.png}. */
  private void shoot(WebDriver browser, Path dir, String name, Dimension... sizes)
      throws IOException {
    for (Dimension size : sizes) {
      browser.manage().window().setSize(size);
      // The viewport as tall as the content, so nothing below the fold is cut off.
      long missing =
          (Long)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollHeight - window.innerHeight");
      if (missing > 0) {
        browser
            .manage()
            .window()
            .setSize(new Dimension(size.getWidth(), size.getHeight() + (int) missing));
      }
      Path file = dir.resolve(name + (size.equals(PHONE) ? "-phone" : "-desktop") + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      written.add(file);
    }
  }
}
