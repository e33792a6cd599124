package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The test browser reads Flask-shaped options and answers for the right RP, origin and user. */
class WebAuthnClientTest {

  private static final String CHALLENGE = "Q2hhbGxlbmdlVGV4dE9mRm9ydHlUaHJlZUNoYXJhY3RlcnNYWA";
  private static final String CREATE =
      "{\"rp\":{\"id\":\"localhost\",\"name\":\"Portcullis\"},"
          + "\"user\":{\"id\":\"aGFuZGxlLTE\",\"name\":\"ann@example.com\",\"displayName\":\"ann\"},"
          + "\"challenge\":\""
          + CHALLENGE
          + "\",\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7}],"
          + "\"attestation\":\"none\",\"extensions\":{\"credProps\":true}}";

  @Test
  void createWhenWholeReplyGivenThenAnswersTheOptionsInside() throws Exception {
    WebAuthnClient phone = new WebAuthnClient("http://localhost:8080");
    String reply =
        "{\"meta\":{\"code\":200},\"response\":{\"credential_options\":"
            + Json.createValue(CREATE)
            + ",\"wan_state\":\"x\"}}";

    JsonObject credential = read(phone.create(reply));

    assertThat(credential.getString("id")).isEqualTo(phone.credentialId());
    JsonObject clientData = read(decoded(credential, "clientDataJSON"));
    assertThat(clientData.getString("type")).isEqualTo("webauthn.create");
    assertThat(clientData.getString("challenge")).isEqualTo(CHALLENGE);
    assertThat(clientData.getString("origin")).isEqualTo("http://localhost:8080");
    assertThat(phone.authenticator().userHandle())
        .hasValueSatisfying(
            h -> assertThat(new String(h, StandardCharsets.US_ASCII)).isEqualTo("handle-1"));
  }

  @Test
  void getWhenAllowListNamesAnotherKeyThenRefusesLikeABrowserUnlessTold() throws Exception {
    WebAuthnClient phone = new WebAuthnClient("http://localhost:8080");
    phone.create(CREATE);
    String request =
        "{\"challenge\":\""
            + CHALLENGE
            + "\",\"rpId\":\"localhost\",\"allowCredentials\":[{\"type\":\"public-key\",\"id\":\"AAAA\"}]}";

    assertThatThrownBy(() -> phone.get(request)).isInstanceOf(IllegalStateException.class);

    JsonObject credential = read(phone.ignoreAllowList(true).get(request));
    byte[] authData = bytes(credential, "authenticatorData");
    assertThat(Arrays.copyOf(authData, 32))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest("localhost".getBytes()));
    assertThat(read(decoded(credential, "clientDataJSON")).getString("type"))
        .isEqualTo("webauthn.get");
  }

  @Test
  void getWhenRpIdOverriddenThenSignsForThatRp() throws Exception {
    WebAuthnClient phone = new WebAuthnClient("http://localhost:8080").rpId("evil.example");
    phone.create(CREATE);

    JsonObject credential =
        read(phone.get("{\"challenge\":\"" + CHALLENGE + "\",\"rpId\":\"localhost\"}"));

    assertThat(Arrays.copyOf(bytes(credential, "authenticatorData"), 32))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest("evil.example".getBytes()));
  }

  private static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static String decoded(JsonObject credential, String field) {
    return new String(bytes(credential, field), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(JsonObject credential, String field) {
    return Base64.getUrlDecoder().decode(credential.getJsonObject("response").getString(field));
  }
}
