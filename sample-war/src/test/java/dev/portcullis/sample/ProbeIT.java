package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProbeIT {
  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.create(WebArchive.class, "probe.war")
        .addClasses(SampleApplication.class, SampleDataSource.class, ProbeResource.class);
  }

  @ArquillianResource URL base;

  @Test
  void probe() throws Exception {
    var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/probe")).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("PROBE " + r.statusCode() + " " + r.body());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
