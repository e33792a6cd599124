package dev.portcullis.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieAttributesTest {

  static CookieAttributes lax(CookieAttributes.Secure secure) {
    return new CookieAttributes("Lax", secure, true, Optional.empty(), Optional.empty());
  }

  @Test
  void applyToWhenAutoThenSecureOnlyOnSecureRequests() {
    CookieAttributes auto = lax(CookieAttributes.Secure.WHEN_REQUEST_SECURE);
    assertThat(auto.applyTo(new Cookie("c", "v"), true, "/app").getSecure()).isTrue();
    assertThat(auto.applyTo(new Cookie("c", "v"), false, "/app").getSecure()).isFalse();
  }

  @Test
  void applyToWhenSecureConfiguredThenWhateverTheRequest() {
    assertThat(
            lax(CookieAttributes.Secure.ALWAYS)
                .applyTo(new Cookie("c", "v"), false, "")
                .getSecure())
        .isTrue();
    assertThat(
            lax(CookieAttributes.Secure.NEVER).applyTo(new Cookie("c", "v"), true, "").getSecure())
        .isFalse();
  }

  @Test
  void applyToWhenNoPathConfiguredThenContextPathOrRoot() {
    CookieAttributes attributes = lax(CookieAttributes.Secure.NEVER);
    Cookie cookie = attributes.applyTo(new Cookie("c", "v"), false, "/app");
    assertThat(cookie.getPath()).isEqualTo("/app");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(cookie.getDomain()).isNull();
    assertThat(attributes.applyTo(new Cookie("c", "v"), false, "").getPath()).isEqualTo("/");
  }

  @Test
  void applyToWhenPathAndDomainConfiguredThenThose() {
    CookieAttributes attributes =
        new CookieAttributes(
            "Strict",
            CookieAttributes.Secure.ALWAYS,
            false,
            Optional.of("/"),
            Optional.of("example.com"));
    Cookie cookie = attributes.applyTo(new Cookie("c", "v"), false, "/app");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getDomain()).isEqualTo("example.com");
    assertThat(cookie.isHttpOnly()).isFalse();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
  }
}
