package dev.portcullis.sample.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The sample WAR as Maven built it, plus test-only fixtures. */
public final class SampleDeployment {

  private SampleDeployment() {}

  /** The packaged sample with the test support resource added. */
  public static WebArchive withTestSupport() {
    return ShrinkWrap.create(ZipImporter.class, "sample.war")
        .importFrom(new File("target/sample.war"))
        .as(WebArchive.class)
        .addClass(TestSupportResource.class);
  }
}
