package dev.portcullis.sample.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The sample WAR as Maven built it, plus test-only fixtures. */
public final class SampleDeployment {

  /**
   * The integration tests of other features run from one address and fail passwords and codes on
   * purpose, more often than the throttle's defaults allow; it stays on (its checks run on every
   * path) with limits they do not reach. {@code ThrottleIT} restores the defaults ({@link
   * #DEFAULT_THROTTLE}).
   */
  static final String LENIENT_THROTTLE =
      "security.throttle_account_free_failures=1000\n"
          + "security.throttle_account_lockout_failures=2000\n"
          + "security.throttle_address_free_failures=10000\n"
          + "security.throttle_address_lockout_failures=20000\n"
          + "security.throttle_mail_account_limit=1000\n"
          + "security.throttle_mail_address_limit=10000\n";

  /**
   * The throttle's defaults (as the README lists them), appended after {@link #LENIENT_THROTTLE}.
   */
  public static final String DEFAULT_THROTTLE =
      "security.throttle_account_free_failures=5\n"
          + "security.throttle_account_lockout_failures=10\n"
          + "security.throttle_address_free_failures=20\n"
          + "security.throttle_address_lockout_failures=100\n"
          + "security.throttle_mail_account_limit=5\n"
          + "security.throttle_mail_address_limit=20\n";

  /**
   * bcrypt at cost 4 for new hashes (the seeded users, registrations, changes and resets): at the
   * default cost 12 every hash or check takes a quarter of a second on an idle 2-core machine and
   * several seconds under load, and the integration tests make hundreds of them. The scheme, the
   * HMAC pre-hash and the checks are the same; only the work factor differs. Tests that assert the
   * configured cost append {@link #DEFAULT_HASH_COST}.
   */
  static final String CHEAP_HASHES =
      "security.password_hash_passlib_options=bcrypt__rounds=4,argon2__rounds=10\n";

  /**
   * The default scheme parameters (as the README lists them: bcrypt at cost 12), appended after
   * {@link #CHEAP_HASHES} by tests that check the cost of what Portcullis writes.
   */
  public static final String DEFAULT_HASH_COST =
      "security.password_hash_passlib_options=argon2__rounds=10\n";

  private SampleDeployment() {}

  /**
   * The packaged sample with the test fixtures (support resource, event recorder, movable clock,
   * test second factor, identity resource, session counter), on the {@link #sampleConfiguration()}.
   */
  public static WebArchive withTestSupport() {
    return withConfiguration(sampleConfiguration());
  }

  /**
   * The sample's own configuration with {@code overrides} appended (later lines win in a properties
   * file), mailing to a {@link MailTrap}.
   */
  public static WebArchive withMailTo(MailTrap trap, String overrides) {
    return withConfiguration(
        sampleConfiguration()
            + "\nmail.backend=smtp\nmail.server=127.0.0.1\nmail.port="
            + trap.port()
            + "\nsecurity.mail_retry_interval=1 seconds\n"
            + overrides);
  }

  /**
   * The sample's {@code microprofile-config.properties} followed by {@link #trustedHosts()}, the
   * {@link #LENIENT_THROTTLE} and {@link #CHEAP_HASHES}, for deployments that append settings of
   * their own.
   */
  public static String sampleConfiguration() {
    try (InputStream in =
        SampleDeployment.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      String base = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return base + "\n" + trustedHosts() + "\n" + LENIENT_THROTTLE + CHEAP_HASHES;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code security.trusted_hosts} listing every address of this machine: the URL Arquillian gives
   * the tests (and the browser tests open) names the machine's address, not {@code localhost}, and
   * pages and the JSON API mail links only for trusted hosts.
   */
  public static String trustedHosts() {
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add("localhost");
    try {
      hosts.add(InetAddress.getLocalHost().getHostName());
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          hosts.add(literal(address));
        }
      }
    } catch (IOException e) {
      if (!(e instanceof SocketException)) {
        throw new UncheckedIOException(e);
      }
    }
    return "security.trusted_hosts=" + String.join(",", hosts);
  }

  /** As {@link #withTestSupport()}, with the sample's configuration replaced by {@code config}. */
  public static WebArchive withConfiguration(String config) {
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, "sample.war")
            .importFrom(new File("target/sample.war"))
            .as(WebArchive.class)
            .addClasses(
                TestSupportResource.class,
                EventRecorder.class,
                MovableClock.class,
                TestSecondFactor.class,
                IdentityTestResource.class,
                SessionCounter.class);
    war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
    return war.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  private static String literal(InetAddress address) {
    String text = address.getHostAddress();
    int zone = text.indexOf('%');
    String bare = zone < 0 ? text : text.substring(0, zone);
    return address instanceof Inet6Address ? "[" + bare + "]" : bare;
  }
}
