package dev.portcullis.sample.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The sample WAR as Maven built it, plus test-only fixtures. */
public final class SampleDeployment {

  private SampleDeployment() {}

  /**
   * The packaged sample with the test support resource, event recorder, movable clock and session
   * counter.
   */
  public static WebArchive withTestSupport() {
    return ShrinkWrap.create(ZipImporter.class, "sample.war")
        .importFrom(new File("target/sample.war"))
        .as(WebArchive.class)
        .addClasses(
            TestSupportResource.class,
            EventRecorder.class,
            MovableClock.class,
            TestSecondFactor.class,
            IdentityTestResource.class,
            SessionCounter.class);
  }

  /**
   * The sample's own configuration with {@code overrides} appended (later lines win in a properties
   * file), mailing to a {@link MailTrap}.
   */
  public static WebArchive withMailTo(MailTrap trap, String overrides) {
    String base;
    try (var in =
        SampleDeployment.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      base =
          in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return withConfiguration(
        base
            + "\nmail.backend=smtp\nmail.server=127.0.0.1\nmail.port="
            + trap.port()
            + "\nsecurity.mail_retry_interval=1 seconds\n"
            + overrides);
  }

  /** As {@link #withTestSupport()}, with the sample's configuration replaced by {@code config}. */
  public static WebArchive withConfiguration(String config) {
    WebArchive war = withTestSupport();
    war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
    return war.addAsResource(
        new org.jboss.shrinkwrap.api.asset.StringAsset(config),
        "META-INF/microprofile-config.properties");
  }
}
