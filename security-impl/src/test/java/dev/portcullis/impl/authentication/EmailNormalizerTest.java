package dev.portcullis.impl.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailNormalizerTest {

  @Test
  void normalizeWhenDomainMixedCaseThenDomainLowerCasedLocalKept() {
    assertThat(EmailNormalizer.normalize("  Ann.Lee@Example.COM ")).contains("Ann.Lee@example.com");
  }

  @Test
  void normalizeWhenInternationalDomainThenAccepted() {
    assertThat(EmailNormalizer.normalize("jörg@bücher.de")).contains("jörg@bücher.de");
  }

  @Test
  void normalizeWhenSyntaxInvalidThenEmpty() {
    assertThat(EmailNormalizer.normalize("not-an-email")).isEmpty();
    assertThat(EmailNormalizer.normalize("a@b")).isEmpty();
    assertThat(EmailNormalizer.normalize("@example.com")).isEmpty();
    assertThat(EmailNormalizer.normalize("a..b@example.com")).isEmpty();
    assertThat(EmailNormalizer.normalize("a b@example.com")).isEmpty();
    assertThat(EmailNormalizer.normalize("a@-bad-.com")).isEmpty();
    assertThat(EmailNormalizer.normalize("x".repeat(300) + "@example.com")).isEmpty();
    assertThat(EmailNormalizer.normalize(null)).isEmpty();
  }
}
