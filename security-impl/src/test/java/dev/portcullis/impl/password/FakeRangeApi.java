package dev.portcullis.impl.password;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Pwned Passwords range API on 127.0.0.1 and a free port, serving {@code SUFFIX:COUNT} lines for
 * the hashes a test adds, with a switchable HTTP status and delay. Records each request's path and
 * {@code User-Agent}.
 */
final class FakeRangeApi implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, StringBuilder> ranges = new ConcurrentHashMap<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<String> userAgents = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  volatile long delayMillis;

  FakeRangeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/range/", this::answer);
    server.start();
  }

  /** Lists {@code sha1Hex} (upper case, computed by the test) with {@code count}. */
  FakeRangeApi breached(String sha1Hex, long count) {
    ranges
        .computeIfAbsent(sha1Hex.substring(0, 5), p -> new StringBuilder())
        .append(sha1Hex.substring(5))
        .append(':')
        .append(count)
        .append("\r\n");
    return this;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/range/");
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    paths.add(path);
    userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
    pause();
    String prefix = path.substring("/range/".length());
    // Real answers always hold other suffixes (and count-0 padding) besides the one asked for.
    String body =
        "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n"
            + ranges.getOrDefault(prefix, new StringBuilder())
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0";
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void pause() {
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
