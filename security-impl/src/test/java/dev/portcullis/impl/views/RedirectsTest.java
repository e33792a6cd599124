package dev.portcullis.impl.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedirectsTest {

  static Redirects redirects(boolean subdomains, String base, Set<String> allowed) {
    return new Redirects(
        new RedirectConfig(
            "/login",
            "/login",
            "/verify",
            Optional.empty(),
            "/",
            "/",
            Optional.empty(),
            Optional.empty(),
            subdomains,
            Optional.ofNullable(base),
            allowed));
  }

  final Redirects plain = redirects(false, null, Set.of());

  @Test
  void validateWhenRelativeThenAllowedAndQuoted() {
    assertThat(plain.validate("/app/page?x=1#top", "example.com")).contains("/app/page?x=1#top");
    assertThat(plain.validate("/a b", "example.com")).contains("/a%20b");
  }

  @Test
  void validateWhenSameHostThenAllowed() {
    assertThat(plain.validate("https://example.com/x", "example.com"))
        .contains("https://example.com/x");
  }

  @Test
  void validateWhenOtherHostThenRejected() {
    assertThat(plain.validate("https://evil.example.net/x", "example.com")).isEmpty();
    assertThat(plain.validate("//evil.example.net/x", "example.com")).isEmpty();
    assertThat(plain.validate("\\\\evil.example.net/x", "example.com")).isEmpty();
    assertThat(plain.validate("/\\evil.example.net", "example.com")).isEmpty();
    assertThat(plain.validate(" //evil.example.net", "example.com")).isEmpty();
  }

  @Test
  void validateWhenOtherSchemeThenRejected() {
    assertThat(plain.validate("javascript:alert(1)", "example.com")).isEmpty();
    assertThat(plain.validate("data:text/html,x", "example.com")).isEmpty();
  }

  @Test
  void validateWhenControlCharactersThenQuotedHarmless() {
    assertThat(plain.validate("/\t/evil.example.net", "example.com"))
        .contains("/%09/evil.example.net");
  }

  @Test
  void validateWhenBlankThenRejected() {
    assertThat(plain.validate("", "example.com")).isEmpty();
    assertThat(plain.validate(null, "example.com")).isEmpty();
  }

  @Test
  void validateWhenSubdomainsAllowedThenOnlyBaseDomainFamily() {
    Redirects sub = redirects(true, "example.com", Set.of());
    assertThat(sub.validate("https://app.example.com/x", "example.com")).isPresent();
    assertThat(sub.validate("https://example.com.evil.net/x", "example.com")).isEmpty();
    Redirects listed = redirects(true, "example.com", Set.of("app"));
    assertThat(listed.validate("https://app.example.com/x", "other")).isPresent();
    assertThat(listed.validate("https://admin.example.com/x", "other")).isEmpty();
  }
}
