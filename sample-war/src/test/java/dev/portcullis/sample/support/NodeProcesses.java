package dev.portcullis.sample.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What every {@link Node} started as a process of its own needs: waiting, logs, clean-up. */
final class NodeProcesses {

  private NodeProcesses() {}

  /**
   * Waits (at most 5 minutes) until the sample's JSON login at {@code base} answers 200, asking
   * only while {@code probeNow} says so; gives up early when the process exits or {@code failed}
   * says the deployment failed.
   *
   * @return whether the sample answered
   */
  static boolean awaitLogin(
      Supplier<URL> base, Process process, BooleanSupplier failed, BooleanSupplier probeNow) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    while (Instant.now().isBefore(deadline) && process.isAlive() && !failed.getAsBoolean()) {
      if (probeNow.getAsBoolean()) {
        // Built per probe: probeNow may have learnt the node's port.
        HttpRequest probe =
            HttpRequest.newBuilder(URI.create(base.get() + "api/login"))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
          if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return true;
          }
        } catch (IOException notYet) {
          // not answering yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The last 4,000 characters of {@code log} (for a failure message). */
  static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code dir} and everything in it; a leftover temporary folder is harmless. */
  static void deleteFolder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // harmless: the folder is temporary
    }
  }
}
