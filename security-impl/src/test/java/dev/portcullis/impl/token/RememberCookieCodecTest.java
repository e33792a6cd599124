package dev.portcullis.impl.token;

import static dev.portcullis.impl.token.TokenFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RememberCookieCodecTest {

  private final RememberCookieCodec codec = new RememberCookieCodec(SECRET);

  @Test
  void encodeWhenFlaskLoginVectorThenSameCookie() {
    for (JsonValue v : TokenFixtures.VECTORS.getJsonArray("remember")) {
      JsonObject vector = v.asJsonObject();
      assertThat(codec.encode(vector.getString("uniquifier")))
          .isEqualTo(vector.getString("cookie"));
    }
  }

  @Test
  void decodeWhenFlaskLoginCookieThenUniquifier() {
    for (JsonValue v : TokenFixtures.VECTORS.getJsonArray("remember")) {
      JsonObject vector = v.asJsonObject();
      assertThat(codec.decode(vector.getString("cookie"))).contains(vector.getString("uniquifier"));
    }
  }

  @Test
  void decodeWhenDigestTamperedOrForeignThenEmpty() {
    String cookie = codec.encode("abc");
    String digest = cookie.substring(4);
    assertThat(codec.decode("abd|" + digest)).isEmpty();
    assertThat(codec.decode("abc|" + digest.toUpperCase(Locale.ROOT))).isEmpty();
    assertThat(codec.decode(cookie.substring(0, cookie.length() - 1))).isEmpty();
    assertThat(new RememberCookieCodec(SECRET + "x").decode(cookie)).isEmpty();
  }

  @Test
  void decodeWhenMalformedOrOversizedThenEmpty() {
    assertThat(codec.decode(null)).isEmpty();
    assertThat(codec.decode("")).isEmpty();
    assertThat(codec.decode("no-separator")).isEmpty();
    assertThat(codec.decode("|")).isEmpty();
    assertThat(codec.decode("a|\u00e9\u0000")).isEmpty();
    assertThat(codec.decode("a".repeat(10_000) + "|00")).isEmpty();
  }

  @Test
  void constructorWhenSecretNotLatin1ThenThrows() {
    assertThatThrownBy(() -> new RememberCookieCodec("\u65e5\u672c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.secret_key");
  }
}
