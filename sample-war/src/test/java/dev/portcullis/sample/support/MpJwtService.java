package dev.portcullis.sample.support;

import dev.portcullis.sample.mpjwt.CallerResource;
import dev.portcullis.sample.mpjwt.OrdersApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second Payara Micro, started by the test, running two MicroProfile JWT services without
 * Portcullis: {@code orders} (audience {@code orders}) and {@code billing} (audience {@code
 * billing}). Each is configured with the two lines a consuming service needs (plus its audience).
 */
public final class MpJwtService implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;

  private MpJwtService(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts the services, trusting the issuer and keys of the Portcullis at {@code portcullis}. */
  public static MpJwtService start(String jwksUrl, String issuer) throws IOException {
    Path dir = Files.createTempDirectory("portcullis-mpjwt-");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", System.getProperty("payara.microJar")));
    for (String audience : List.of("orders", "billing")) {
      File war = dir.resolve(audience + ".war").toFile();
      service(jwksUrl, issuer, audience).as(ZipExporter.class).exportTo(war, true);
      command.addAll(List.of("--deploy", war.getPath()));
    }
    int port = freePort();
    command.addAll(
        List.of(
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--rootdir",
            dir.resolve("root").toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    MpJwtService service = new MpJwtService(process, port, dir);
    service.awaitUp();
    return service;
  }

  private static WebArchive service(String jwksUrl, String issuer, String audience) {
    return ShrinkWrap.create(WebArchive.class, audience + ".war")
        .addClasses(OrdersApplication.class, CallerResource.class)
        // Discovery "all": the server's MP-JWT extension finds @LoginConfig on the Application.
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"all\"/>"),
            "beans.xml")
        .addAsResource(
            new StringAsset(
                "mp.jwt.verify.publickey.location="
                    + jwksUrl
                    + "\nmp.jwt.verify.issuer="
                    + issuer
                    + "\nmp.jwt.verify.audiences="
                    + audience
                    + "\n"),
            "META-INF/microprofile-config.properties");
  }

  /** The URL of {@code path} of the service {@code audience}. */
  public URI url(String audience, String path) {
    return URI.create("http://localhost:" + port + "/" + audience + "/" + path);
  }

  /** The status of {@code GET} with {@code Authorization: Bearer token} and the body. */
  public HttpResponse<String> get(String audience, String token) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url(audience, "caller")).timeout(Duration.ofSeconds(60));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return HttpClient.newHttpClient()
          .send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until both services answer (an unauthenticated call gets 401), at most 5 minutes. */
  private void awaitUp() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    Path log = dir.resolve("server.log");
    while (Instant.now().isBefore(deadline) && process.isAlive() && !failed(log)) {
      try {
        if (get("orders", null).statusCode() == 401 && get("billing", null).statusCode() == 401) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    String text = Files.readString(log);
    close();
    throw new IllegalStateException(
        "The MP-JWT services did not start; log tail:\n"
            + text.substring(Math.max(0, text.length() - 4000)));
  }

  private static boolean failed(Path log) throws IOException {
    return Files.exists(log) && Files.readString(log).contains("Exception while loading the app");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
