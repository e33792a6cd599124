package dev.portcullis.sample.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SMS provider in the test JVM, shaped like Twilio's Messages resource: it takes form POSTs
 * ({@code To}, {@code From}, {@code Body}) with HTTP Basic credentials, records them and answers
 * 201, or 503 while {@link #failNext} is set. The server under test sends to it through {@code
 * security.sms_service=http}.
 */
public final class SmsTrap implements AutoCloseable {

  /** One message the provider accepted (or refused). */
  public record Text(String to, String from, String body, String authorization) {}

  public static final String ACCOUNT = "ACtest";
  public static final String TOKEN = "sms-trap-token";
  public static final String FROM = "+15005550006";

  private final HttpServer server;
  private final List<Text> texts = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();

  private SmsTrap(HttpServer server) {
    this.server = server;
  }

  /** Starts a provider on a free port. */
  public static SmsTrap start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SmsTrap trap = new SmsTrap(server);
      server.createContext(
          "/messages",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              Map<String, String> form =
                  parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              String auth = exchange.getRequestHeaders().getFirst("Authorization");
              trap.texts.add(new Text(form.get("To"), form.get("From"), form.get("Body"), auth));
              boolean fail = trap.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
              exchange.sendResponseHeaders(fail ? 503 : 201, -1);
            } finally {
              exchange.close();
            }
          });
      server.start();
      return trap;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration that points the server under test at this provider. */
  public String configuration() {
    return "security.sms_service=http\nsecurity.sms_http_url=http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/messages\nsecurity.sms_account_sid="
        + ACCOUNT
        + "\nsecurity.sms_auth_token="
        + TOKEN
        + "\nsecurity.sms_phone_number="
        + FROM
        + "\n";
  }

  /** The Basic credentials the provider expects. */
  public static String expectedAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
  }

  /** The next {@code n} messages are answered 503. */
  public void failNext(int n) {
    failNext.set(n);
  }

  /** Every message sent to {@code to} so far. */
  public List<Text> textsTo(String to) {
    return texts.stream().filter(t -> to.equals(t.to())).toList();
  }

  /** Waits for the {@code n}-th message to {@code to}. */
  public Text await(String to, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Text> sent = textsTo(to);
      if (sent.size() >= n) {
        return sent.get(n - 1);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No SMS #" + n + " to " + to + " within " + timeout);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
