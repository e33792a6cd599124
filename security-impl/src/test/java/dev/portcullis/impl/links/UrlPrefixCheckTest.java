package dev.portcullis.impl.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPrefixCheckTest {

  @Test
  void mismatchWhenPrefixIsTheJaxRsRootThenNone() {
    assertThat(UrlPrefixCheck.mismatch("/api", "/sample", "/sample/api/")).isEmpty();
    assertThat(UrlPrefixCheck.mismatch("api/", "/sample", "/sample/api")).isEmpty();
    assertThat(UrlPrefixCheck.mismatch("/", "", "/")).isEmpty();
    assertThat(UrlPrefixCheck.mismatch("", "/app", "/app/")).isEmpty();
  }

  @Test
  void mismatchWhenJaxRsRootDiffersThenNamesIt() {
    assertThat(UrlPrefixCheck.mismatch("/api", "/sample", "/sample/rest/v1/")).contains("/rest/v1");
    assertThat(UrlPrefixCheck.mismatch("/api", "", "/")).contains("/");
  }

  @Test
  void mismatchWhenBaseOutsideContextThenNone() {
    assertThat(UrlPrefixCheck.mismatch("/api", "/sample", "/other/api/")).isEmpty();
  }
}
