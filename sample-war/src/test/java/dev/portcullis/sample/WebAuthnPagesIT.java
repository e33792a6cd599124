package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.HeadlessChromium;
import dev.portcullis.sample.support.SampleDeployment;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The WebAuthn pages in headless Chromium with a virtual authenticator (CTAP2, internal transport,
 * resident keys, user verification; PLATFORM-NOTES trap 8), whose credentials the server verifies
 * for real: a passkey registered after a fresh sign-in signs in with no identity typed; a security
 * key is the second step after the password; a key re-authenticates; a removed key no longer signs
 * in; a key the server never registered is refused; the login page arms passkey autofill without
 * changing the password form. Every page state is checked with axe-core as {@link
 * PageAccessibilityIT} does. The browser opens {@code http://localhost:<port>}, a secure context.
 * Skipped where Chromium or its driver is not installed (CI installs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf("dev.portcullis.sample.support.HeadlessChromium#installed")
class WebAuthnPagesIT {

  static final String PASSWORD = "Password123!";
  static final List<Dimension> SIZES = List.of(new Dimension(1280, 900), new Dimension(390, 844));
  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + "\nsecurity.webauthn=true\nsecurity.wan_rp_name=Portcullis pages IT\n");
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
  void passkeyWhenRegisteredAfterFreshSignInThenSignsInWithNoIdentity() {
    // The laptop's own authenticator: security.wan_first_factor_attachment=any asks no attachment.
    VirtualAuthenticator device = devicePasskeys();
    String email = newUser("wan-pages-passkey");
    signIn(email);

    open("security/wan_register.xhtml");
    assertThat(chromium.text("no-keys")).isEqualTo("You have no security keys yet.");
    check("wan_register empty");
    // A refused form (no name) comes back with the use chosen, and only that one.
    browser.findElement(By.id("usage-first")).click();
    browser.findElement(By.id("wan-register-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("name-errors"), "Please name this security key."));
    assertThat(browser.findElement(By.id("usage-first")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("usage-secondary")).getAttribute("checked")).isNull();
    assertThat(browser.findElement(By.id("wan-response-form")).isDisplayed()).isFalse();
    register("Laptop passkey", "first");

    assertThat(chromium.text("flashes")).contains("Security key Laptop passkey is added.");
    assertThat(browser.findElement(By.cssSelector("#key-0 .key-name")).getText())
        .isEqualTo("Laptop passkey");
    assertThat(browser.findElement(By.cssSelector("#key-0 .key-usage")).getText())
        .isEqualTo("Sign in");
    assertThat(browser.findElement(By.cssSelector("#key-0 .key-transports")).getText())
        .contains("internal");
    assertThat(device.getCredentials()).hasSize(1);
    assertThat(device.getCredentials().get(0).isResidentCredential()).isTrue();
    check("wan_register with a key");

    signOut();
    // Straight to the page: on the login page the passkey autofill would answer by itself.
    open("security/wan_signin.xhtml");
    check("wan_signin");
    browser.findElement(By.id("wan-signin-submit")).click();
    awaitId("signed-in");
    assertThat(chromium.text("signed-in")).contains(email);
    assertNoBlockingViolation();
  }

  @Test
  void securityKeyWhenSecondaryThenAskedAfterThePasswordAndFinishesTheSignIn() {
    platformAuthenticator();
    String email = newUser("wan-pages-second");
    signIn(email);
    open("security/wan_register.xhtml");
    register("Blue key", "secondary");
    assertThat(browser.findElement(By.cssSelector("#key-0 .key-usage")).getText())
        .isEqualTo("Second step");

    signOut();
    open("security/login_user.xhtml");
    chromium.submitLogin(email, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/security/wan_signin.xhtml"));
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
    assertThat(browser.findElements(By.id("identity"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("p.intro")).getText())
        .isEqualTo("To finish signing in, use your security key.");
    check("wan_signin as the second factor");
    browser.findElement(By.id("wan-signin-submit")).click();
    awaitId("signed-in");
    assertThat(chromium.text("signed-in")).contains(email);
    assertNoBlockingViolation();
  }

  @Test
  void verifyWhenOwnKeyUsedThenSignedInAgain() {
    authenticator();
    String email = newUser("wan-pages-verify");
    signIn(email);
    open("security/wan_register.xhtml");
    register("Verify key", "first");

    open("security/verify.xhtml");
    browser.findElement(By.id("wan-verify-link")).click();
    wait.until(ExpectedConditions.urlContains("/security/wan_verify.xhtml"));
    check("wan_verify");
    browser.findElement(By.id("wan-verify-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashes")));
    assertThat(chromium.text("flashes")).contains("You are signed in again.");
    assertThat(chromium.text("signed-in")).contains(email);
    assertNoBlockingViolation();
  }

  @Test
  void deleteWhenConfirmedThenKeyGoneAndItNoLongerSignsIn() {
    VirtualAuthenticator device = authenticator();
    String email = newUser("wan-pages-delete");
    signIn(email);
    open("security/wan_register.xhtml");
    register("Old key", "first");

    browser.findElement(By.cssSelector("#key-0 input[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-question")));
    assertThat(chromium.text("delete-question")).contains("Old key");
    assertThat(browser.findElements(By.id("key-0"))).hasSize(1);
    check("wan_register confirming a removal");
    browser.findElement(By.id("delete-confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-keys")));
    assertThat(chromium.text("flashes")).contains("Security key Old key is removed.");
    assertThat(device.getCredentials()).hasSize(1);

    signOut();
    open("security/wan_signin.xhtml");
    browser.findElement(By.id("wan-signin-submit")).click();
    awaitId("form-errors");
    assertThat(chromium.text("form-errors")).isEqualTo("This security key is not known.");
    assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
    check("wan_signin refused");
    assertNoBlockingViolation();
  }

  @Test
  void authenticatorWhenNeverRegisteredThenRefused() throws GeneralSecurityException {
    VirtualAuthenticator registered = authenticator();
    String email = newUser("wan-pages-stranger");
    signIn(email);
    open("security/wan_register.xhtml");
    register("Real key", "first");
    signOut();
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(registered);

    // A second device with nothing on it: the browser finds no passkey, nothing is posted.
    VirtualAuthenticator empty = authenticator();
    open("security/wan_signin.xhtml");
    browser.findElement(By.id("wan-signin-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#wan-response-form [data-wan-status]"), "did not finish"));
    assertThat(browser.findElement(By.id("wan-response-submit")).isDisplayed())
        .as("the retry button is there to be pressed")
        .isTrue();
    assertThat(browser.getCurrentUrl()).contains("/security/wan_signin.xhtml");
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(empty);

    // A device with a passkey for this RP the server never registered: refused by the server.
    unregisteredDevice();
    open("security/wan_signin.xhtml");
    browser.findElement(By.id("wan-signin-submit")).click();
    awaitId("form-errors");
    assertThat(chromium.text("form-errors")).isEqualTo("This security key is not known.");
    assertThat(open("index.xhtml").findElements(By.id("signed-in"))).isEmpty();
  }

  @Test
  void passkeyWhenChosenFromTheLoginPageAutofillThenSignedIn() {
    VirtualAuthenticator key = authenticator();
    String email = newUser("wan-pages-conditional");
    signIn(email);
    open("security/wan_register.xhtml");
    register("Autofill passkey", "first");
    signOut();

    // The passkey synced to the laptop's own authenticator, which the autofill list offers:
    // Chromium's virtual platform authenticator answers a conditional request with it at once, as
    // a user choosing it from the identity field's list.
    Credential passkey = key.getCredentials().get(0);
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(key);
    VirtualAuthenticator laptop =
        ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(options());
    laptop.addCredential(
        Credential.createResidentCredential(
            passkey.getId(),
            "localhost",
            passkey.getPrivateKey(),
            passkey.getUserHandle(),
            passkey.getSignCount()));
    open("security/login_user.xhtml");
    awaitId("signed-in");
    assertThat(chromium.text("signed-in")).contains(email);
  }

  @Test
  void loginPageWhenPasskeysOfferedThenAutofillArmedAndThePasswordStillSignsIn() {
    authenticator();
    String email = newUser("wan-pages-autofill");
    open("security/login_user.xhtml");
    assertThat(browser.findElement(By.id("identity")).getAttribute("autocomplete"))
        .isEqualTo("username webauthn");
    WebElement autofill = browser.findElement(By.id("wan-autofill-form"));
    assertThat(autofill.getAttribute("hidden")).isNotNull();
    assertThat(autofill.getAttribute("data-wan-options")).contains("\"challenge\"");
    assertThat(autofill.getAttribute("data-wan-options")).doesNotContain("allowCredentials\":[{");
    assertThat(autofill.findElement(By.name("wan_state")).getAttribute("value")).isNotBlank();
    assertThat(browser.findElement(By.id("wan-signin-link")).getAttribute("href"))
        .endsWith("/security/wan_signin.xhtml");
    check("login page with passkey autofill");

    chromium.submitLogin(email, PASSWORD);
    awaitId("signed-in");
    assertThat(chromium.text("signed-in")).contains(email);
    assertNoBlockingViolation();
  }

  /** Adds a new name, the usage, then lets the script and the device do the rest. */
  private void register(String name, String usage) {
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("usage-" + usage)).click();
    browser.findElement(By.id("wan-register-submit")).click();
    awaitId("flashes");
    assertThat(chromium.text("flashes")).contains("Security key " + name + " is added.");
  }

  /** A roaming passkey device: CTAP2 over USB, resident keys, verifies the user. */
  private VirtualAuthenticator authenticator() {
    return ((HasVirtualAuthenticator) browser)
        .addVirtualAuthenticator(options().setTransport(VirtualAuthenticatorOptions.Transport.USB));
  }

  /**
   * The laptop's own passkey store: CTAP2 over the internal transport (a platform authenticator),
   * resident keys, verifies the user.
   */
  private VirtualAuthenticator devicePasskeys() {
    return ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(options());
  }

  /**
   * The laptop's own authenticator (CTAP2, internal transport, user verification) keeping no
   * resident keys: its second-factor key is not offered in the login page's autofill.
   */
  private VirtualAuthenticator platformAuthenticator() {
    return ((HasVirtualAuthenticator) browser)
        .addVirtualAuthenticator(options().setHasResidentKey(false));
  }

  /** A device holding a passkey for this RP that the server never registered. */
  private VirtualAuthenticator unregisteredDevice() throws GeneralSecurityException {
    VirtualAuthenticator device = authenticator();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] id = new byte[32];
    byte[] handle = new byte[16];
    SecureRandom random = new SecureRandom();
    random.nextBytes(id);
    random.nextBytes(handle);
    device.addCredential(
        Credential.createResidentCredential(
            id,
            "localhost",
            new PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded()),
            handle,
            0));
    return device;
  }

  private static VirtualAuthenticatorOptions options() {
    return new VirtualAuthenticatorOptions()
        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
        .setHasResidentKey(true)
        .setHasUserVerification(true)
        .setIsUserVerified(true)
        .setIsUserConsenting(true);
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

  /** Waits for the element; on timeout says where the browser is and what the page says. */
  private void awaitId(String id) {
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no #"
              + id
              + " at "
              + URI.create(browser.getCurrentUrl()).getPath()
              + "; errors: "
              + textsOf("#form-errors, #flashes, [data-wan-status], .field-errors"),
          e);
    }
  }

  private List<String> textsOf(String css) {
    return browser.findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
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

  /** Runs axe on the page as it is, at every size; prints what it finds, keeps what blocks. */
  private void check(String state) {
    Dimension before = browser.manage().window().getSize();
    for (Dimension size : SIZES) {
      browser.manage().window().setSize(size);
      Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
      String where =
          state
              + " @ "
              + size.getWidth()
              + " px ("
              + URI.create(browser.getCurrentUrl()).getPath()
              + ")";
      assertThat(results.isErrored()).as("axe failed on " + where).isFalse();
      for (Rule rule : results.getViolations()) {
        String line = "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp();
        System.out.println("axe: " + where + line);
        for (CheckedNode node : rule.getNodes()) {
          System.out.println("    " + node.getTarget() + " " + node.getFailureSummary());
        }
        if (BLOCKING.contains(rule.getImpact())) {
          blocking.add(where + ":" + line);
        }
      }
    }
    browser.manage().window().setSize(before);
  }

  private void assertNoBlockingViolation() {
    assertThat(blocking).as("serious or critical axe violations").isEmpty();
  }
}
