package dev.portcullis.impl.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormDataTest {

  static FormData.Parsed read(String body, String type, int max) {
    return FormData.read(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type, max);
  }

  @Test
  void readWhenJsonObjectThenFieldsTyped() {
    var parsed =
        (FormData.Parsed.Accepted)
            read("{\"email\":\"a@b.c\",\"remember\":true,\"n\":1}", "application/json", 1000);
    assertThat(parsed.data().string("email").asOptional()).contains("a@b.c");
    assertThat(parsed.data().bool("remember").asOptional()).contains(true);
    assertThat(parsed.data().string("n")).isInstanceOf(FormData.FieldValue.WrongType.class);
    assertThat(parsed.data().string("missing")).isInstanceOf(FormData.FieldValue.Absent.class);
  }

  @Test
  void readWhenMalformedJsonThenRejected400() {
    assertThat(read("{\"a\":", "application/json", 1000))
        .isEqualTo(new FormData.Parsed.Rejected(400, "MALFORMED_JSON"));
    assertThat(read("[1,2]", "application/json", 1000))
        .isEqualTo(new FormData.Parsed.Rejected(400, "API_ERROR"));
  }

  @Test
  void readWhenTooLargeThenRejected413() {
    assertThat(read("{\"a\":\"" + "x".repeat(100) + "\"}", "application/json", 50))
        .isEqualTo(new FormData.Parsed.Rejected(413, "REQUEST_TOO_LARGE"));
  }

  @Test
  void readWhenFormEncodedThenDecoded() {
    var parsed =
        (FormData.Parsed.Accepted)
            read("email=a%40b.c&remember=on&bad=%zz", "application/x-www-form-urlencoded", 1000);
    assertThat(parsed.data().string("email").asOptional()).contains("a@b.c");
    assertThat(parsed.data().bool("remember").asOptional()).contains(true);
  }

  @Test
  void readWhenUnsupportedTypeThenRejected() {
    assertThat(read("x", "text/plain", 1000))
        .isEqualTo(new FormData.Parsed.Rejected(400, "API_ERROR"));
  }
}
