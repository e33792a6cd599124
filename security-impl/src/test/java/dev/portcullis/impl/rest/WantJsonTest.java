package dev.portcullis.impl.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WantJsonTest {

  @Test
  void testWhenJsonContentTypeThenJson() {
    assertThat(WantJson.test("application/json; charset=utf-8", null)).isTrue();
    assertThat(WantJson.test("application/vnd.api+json", "text/html")).isTrue();
  }

  @Test
  void testWhenBestAcceptIsJsonThenJson() {
    assertThat(WantJson.test(null, "application/json, text/plain, */*")).isTrue();
    assertThat(WantJson.test(null, "text/html;q=0.5, application/json")).isTrue();
  }

  @Test
  void testWhenBrowserAcceptThenNotJson() {
    assertThat(
            WantJson.test(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
        .isFalse();
    assertThat(WantJson.test("application/x-www-form-urlencoded", null)).isFalse();
    assertThat(WantJson.test(null, null)).isFalse();
    assertThat(WantJson.test(null, "*/*")).isFalse();
  }
}
