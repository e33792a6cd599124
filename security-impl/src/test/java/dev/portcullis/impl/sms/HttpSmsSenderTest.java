package dev.portcullis.impl.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.spi.Delivery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server standing in for the provider. */
class HttpSmsSenderTest {

  private HttpServer provider;
  private final AtomicInteger status = new AtomicInteger(201);
  private final AtomicReference<String> method = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final AtomicReference<String> contentType = new AtomicReference<>();
  private final AtomicReference<Map<String, String>> form = new AtomicReference<>();

  @BeforeEach
  void startProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/2010-04-01/Accounts/AC123/Messages.json",
        exchange -> {
          method.set(exchange.getRequestMethod());
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
          form.set(
              parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    provider.start();
  }

  @AfterEach
  void stopProvider() {
    provider.stop(0);
  }

  private HttpSmsSender sender(URI url) {
    return new HttpSmsSender(
        new HttpSmsSender.Settings(
            url, "AC123", "s3cr3t-token", "+15005550006", Duration.ofSeconds(5)));
  }

  private URI messagesUrl() {
    return URI.create(
        "http://127.0.0.1:"
            + provider.getAddress().getPort()
            + "/2010-04-01/Accounts/AC123/Messages.json");
  }

  @Test
  void sendWhenProviderAcceptsThenFormPostWithBasicAuthAndSent() {
    Delivery delivery =
        sender(messagesUrl()).send("+16502530000", "Use this code to log in: 123456");

    assertThat(delivery).isEqualTo(Delivery.SENT);
    assertThat(method.get()).isEqualTo("POST");
    assertThat(contentType.get()).startsWith("application/x-www-form-urlencoded");
    assertThat(authorization.get())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("AC123:s3cr3t-token".getBytes(StandardCharsets.UTF_8)));
    assertThat(form.get())
        .containsEntry("To", "+16502530000")
        .containsEntry("From", "+15005550006")
        .containsEntry("Body", "Use this code to log in: 123456");
  }

  @Test
  void sendWhenProviderRefusesThenFailedWithStatusOnly() {
    status.set(503);

    Delivery delivery = sender(messagesUrl()).send("+16502530000", "code 123456");

    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) delivery).reason())
        .contains("503")
        .doesNotContain("123456")
        .doesNotContain("+16502530000")
        .doesNotContain("s3cr3t");
  }

  @Test
  void sendWhenProviderUnreachableThenFailedNotThrown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Delivery delivery =
        sender(URI.create("http://127.0.0.1:" + closedPort + "/x"))
            .send("+16502530000", "code 123456");

    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) delivery).reason()).contains("unreachable");
  }

  @Test
  void settingsWhenPrintedThenNoAuthToken() {
    assertThat(
            new HttpSmsSender.Settings(
                    messagesUrl(), "AC123", "s3cr3t-token", "+1", Duration.ofSeconds(1))
                .toString())
        .doesNotContain("s3cr3t");
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
