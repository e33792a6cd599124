package dev.portcullis.impl.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.rest.TestMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailLinksTest {

  static MailLinks links(Optional<String> external, String... trusted) {
    return new MailLinks(
        new LinkConfig(external, TrustedHosts.parse(List.of(trusted)), "/api"),
        TestMessages.bundle());
  }

  static UriInfo uri(String base) {
    return stub(UriInfo.class, Map.of("getBaseUri", URI.create(base)));
  }

  static HttpServletRequest request(String scheme, String host, int port) {
    return stub(
        HttpServletRequest.class,
        Map.of(
            "getScheme", scheme,
            "getServerName", host,
            "getServerPort", port,
            "getContextPath", "/app"));
  }

  @Test
  void ofWhenExternalBaseUrlSetThenItIsUsedWhateverTheHost() {
    MailLinks links = links(Optional.of("https://app.example.com/api/"));
    assertThat(links.of(uri("http://evil.example:8080/app/api/")).orElseThrow().apply("reset/t"))
        .isEqualTo("https://app.example.com/api/reset/t");
    assertThat(links.of(request("http", "evil.example", 80)).orElseThrow().apply("reset/t"))
        .isEqualTo("https://app.example.com/api/reset/t");
  }

  @Test
  void ofWhenHostTrustedThenLinkOnTheRequestBase() {
    MailLinks links = links(Optional.empty(), "app.example.com");
    assertThat(links.of(uri("https://app.example.com/app/api/")).orElseThrow().apply("confirm/t"))
        .isEqualTo("https://app.example.com/app/api/confirm/t");
    assertThat(links.of(request("https", "app.example.com", 443)).orElseThrow().apply("confirm/t"))
        .isEqualTo("https://app.example.com/app/api/confirm/t");
    assertThat(links.of(request("http", "app.example.com", 8080)).orElseThrow().apply("reset"))
        .isEqualTo("http://app.example.com:8080/app/api/reset");
  }

  @Test
  void ofWhenHostNotTrustedThenEmpty() {
    MailLinks links = links(Optional.empty(), "app.example.com:443", "[::1]");
    assertThat(links.of(uri("http://evil.example:8080/app/api/"))).isEmpty();
    assertThat(links.of(uri("https://app.example.com:8443/app/api/"))).isEmpty();
    assertThat(links.of(request("http", "evil.example", 80))).isEmpty();
    assertThat(links.of(request("http", "::1", 8080))).isPresent();
  }

  @Test
  void ofWhenNothingConfiguredThenEveryHostRefused() {
    MailLinks links = links(Optional.empty());
    assertThat(links.of(uri("http://localhost:8080/app/api/"))).isEmpty();
    assertThat(links.refusalText()).contains("no link was mailed");
  }

  private static <T> T stub(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answers.get(method.getName());
            }));
  }
}
