package dev.portcullis.impl.token;

import static dev.portcullis.impl.token.TokenFixtures.SECRET;
import static dev.portcullis.impl.token.TokenFixtures.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

  private static final String SALT = "change-email-salt";
  private final MutableClock clock = MutableClock.atEpochSecond(TIMESTAMP);
  private final TokenSigner signer = new TokenSigner(SECRET, clock);

  @Test
  void signWhenSameTimestampThenEqualsItsdangerousByteForByte() {
    for (JsonValue v : TokenFixtures.VECTORS.getJsonArray("signed")) {
      JsonObject vector = v.asJsonObject();
      clock.set(Instant.ofEpochSecond(vector.getJsonNumber("timestamp").longValueExact()));
      assertThat(signer.sign(vector.getString("salt"), vector.get("payload")))
          .as(vector.getString("salt"))
          .isEqualTo(vector.getString("token"));
    }
  }

  @Test
  void verifyWhenItsdangerousTokenThenValidWithPayloadAndTimestamp() {
    clock.advance(Duration.ofSeconds(30));
    for (JsonValue v : TokenFixtures.VECTORS.getJsonArray("signed")) {
      JsonObject vector = v.asJsonObject();
      Instant issued = Instant.ofEpochSecond(vector.getJsonNumber("timestamp").longValueExact());
      TokenCheck check = signer.verify(vector.getString("salt"), vector.getString("token"), null);
      assertThat(check)
          .as(vector.getString("salt"))
          .isEqualTo(new TokenCheck.Valid(vector.get("payload"), issued));
    }
  }

  @Test
  void signWhenPayloadCompressibleThenDotPrefixedAndRoundTrips() {
    JsonValue payload = Json.createObjectBuilder().add("data", "abc".repeat(200)).build();
    String token = signer.sign(SALT, payload);
    assertThat(token).startsWith(".").hasSizeLessThan(200);
    assertThat(signer.verify(SALT, token, Duration.ofMinutes(1)))
        .isEqualTo(new TokenCheck.Valid(payload, Instant.ofEpochSecond(TIMESTAMP)));
  }

  @Test
  void verifyWhenSignatureTamperedThenInvalid() {
    String token = signer.sign(SALT, Json.createValue("x"));
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(signer.verify(SALT, tampered, null)).isEqualTo(TokenCheck.INVALID);
    assertThat(signer.verify(SALT, token.substring(0, token.length() - 1), null))
        .isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenPayloadTamperedThenInvalid() {
    String token = signer.sign(SALT, Json.createArrayBuilder().add("user-1").build());
    String forged = TokenFixtures.b64("[\"user-2\"]".getBytes(StandardCharsets.UTF_8));
    String tampered = forged + token.substring(token.indexOf('.'));
    assertThat(signer.verify(SALT, tampered, null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenTimestampTamperedThenInvalid() {
    String token = signer.sign(SALT, Json.createValue("x"));
    String[] parts = token.split("\\.");
    String tampered =
        parts[0] + "." + TokenSigner.encodeTimestamp(TIMESTAMP + 3600) + "." + parts[2];
    assertThat(signer.verify(SALT, tampered, Duration.ofHours(2))).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenOlderThanMaxAgeThenExpiredWithPayload() {
    String token = signer.sign(SALT, Json.createValue("x"));
    clock.advance(Duration.ofSeconds(3600));
    assertThat(signer.verify(SALT, token, Duration.ofSeconds(3600)))
        .isInstanceOf(TokenCheck.Valid.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(signer.verify(SALT, token, Duration.ofSeconds(3600)))
        .isEqualTo(new TokenCheck.Expired(Json.createValue("x")));
  }

  @Test
  void verifyWhenPythonTokenOlderThanMaxAgeThenExpired() {
    JsonObject vector = TokenFixtures.VECTORS.getJsonArray("signed").getJsonObject(0);
    clock.advance(Duration.ofDays(2));
    assertThat(
            signer.verify(vector.getString("salt"), vector.getString("token"), Duration.ofDays(1)))
        .isEqualTo(new TokenCheck.Expired(vector.get("payload")));
  }

  @Test
  void verifyWhenTimestampInFutureThenExpired() {
    String token = signer.sign(SALT, Json.createValue("x"));
    clock.advance(Duration.ofSeconds(-1));
    assertThat(signer.verify(SALT, token, Duration.ofDays(1)))
        .isInstanceOf(TokenCheck.Expired.class);
  }

  @Test
  void verifyWhenMaxAgeNullThenValidForever() {
    String token = signer.sign(SALT, Json.createValue("x"));
    clock.advance(Duration.ofDays(365 * 50));
    assertThat(signer.verify(SALT, token, null)).isInstanceOf(TokenCheck.Valid.class);
  }

  @Test
  void verifyWhenOtherSaltOrSecretThenInvalid() {
    String token = signer.sign(SALT, Json.createValue("x"));
    assertThat(signer.verify("reset-salt", token, null)).isEqualTo(TokenCheck.INVALID);
    assertThat(new TokenSigner(SECRET + "!", clock).verify(SALT, token, null))
        .isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenTokenOversizedThenInvalid() {
    String huge = "A".repeat(TokenSigner.MAX_TOKEN_LENGTH) + ".ZVPxAA.sig";
    assertThat(signer.verify(SALT, huge, null)).isEqualTo(TokenCheck.INVALID);
    assertThat(signer.verify(SALT, "x".repeat(5_000_000), null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenSignedZipBombThenInvalid() {
    byte[] zeros = new byte[4 * 1024 * 1024];
    String payload = "." + TokenFixtures.b64(deflate(zeros));
    String token =
        TokenFixtures.signRaw(SECRET, SALT, payload + "." + TokenSigner.encodeTimestamp(TIMESTAMP));
    assertThat(token.length()).isLessThan(TokenSigner.MAX_TOKEN_LENGTH);
    assertThat(signer.verify(SALT, token, null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenSignedDeeplyNestedJsonThenInvalid() {
    String json = "[".repeat(3000) + "]".repeat(3000);
    String payload = "." + TokenFixtures.b64(deflate(json.getBytes(StandardCharsets.US_ASCII)));
    String token =
        TokenFixtures.signRaw(SECRET, SALT, payload + "." + TokenSigner.encodeTimestamp(TIMESTAMP));
    assertThat(signer.verify(SALT, token, null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void verifyWhenSignedButMalformedPartsThenInvalid() {
    String ts = TokenSigner.encodeTimestamp(TIMESTAMP);
    String[] values = {
      "e30", // no timestamp at all ("{}")
      "e30.!!", // timestamp not base64
      "e30.AQIDBAUGBwgJ", // 9-byte timestamp
      "e30.gAAAAAAAAAA", // 2^63
      "." + TokenFixtures.b64(new byte[] {1, 2, 3}) + "." + ts, // not zlib
      TokenFixtures.b64(new byte[] {(byte) 0xC3, 0x28}) + "." + ts, // not UTF-8
      TokenFixtures.b64("{\"a\":".getBytes(StandardCharsets.US_ASCII)) + "." + ts, // bad JSON
      TokenFixtures.b64("[1] [2]".getBytes(StandardCharsets.US_ASCII)) + "." + ts, // trailing
      "." + ts, // empty payload
    };
    for (String value : values) {
      String token = TokenFixtures.signRaw(SECRET, SALT, value);
      assertThat(signer.verify(SALT, token, null)).as(value).isEqualTo(TokenCheck.INVALID);
    }
  }

  @Test
  void verifyWhenGarbageOrMutatedTokensThenNeverThrows() {
    Random random = new Random(42);
    String alphabet = "ABCxyz019-_.=+/ \u00e9\u0000|";
    String good = signer.sign(SALT, Json.createObjectBuilder().add("uid", "abc").build());
    for (int i = 0; i < 500; i++) {
      StringBuilder garbage = new StringBuilder();
      for (int n = random.nextInt(120); n > 0; n--) {
        garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(signer.verify(SALT, garbage.toString(), Duration.ofSeconds(5))).isNotNull();
      String mutated = mutate(good, random);
      TokenCheck check = signer.verify(SALT, mutated, Duration.ofSeconds(5));
      assertThat(check instanceof TokenCheck.Valid).isEqualTo(mutated.equals(good));
    }
    assertThat(signer.verify(SALT, null, null)).isEqualTo(TokenCheck.INVALID);
    assertThat(signer.verify(SALT, "", null)).isEqualTo(TokenCheck.INVALID);
    assertThat(signer.verify(SALT, "....", null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void signWhenPayloadTooLargeThenThrows() {
    Random random = new Random(1);
    StringBuilder noise = new StringBuilder();
    for (int i = 0; i < 9000; i++) {
      noise.append((char) ('!' + random.nextInt(90)));
    }
    assertThatThrownBy(() -> signer.sign(SALT, Json.createValue(noise.toString())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorWhenSecretEmptyThenThrows() {
    assertThatThrownBy(() -> new TokenSigner("", clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.secret_key");
  }

  @Test
  void encodeTimestampWhenZeroOrLargeThenMinimalBigEndian() {
    assertThat(TokenSigner.encodeTimestamp(0)).isEmpty();
    assertThat(TokenSigner.encodeTimestamp(TIMESTAMP)).isEqualTo("ZVPxAA");
    assertThat(TokenSigner.decodeTimestamp("ZVPxAA")).contains(TIMESTAMP);
    assertThat(TokenSigner.decodeTimestamp(TokenSigner.encodeTimestamp(Long.MAX_VALUE)))
        .contains(Long.MAX_VALUE);
  }

  private static String mutate(String token, Random random) {
    StringBuilder s = new StringBuilder(token);
    int at = random.nextInt(s.length());
    switch (random.nextInt(4)) {
      case 0 -> s.setCharAt(at, "AZaz09-_.".charAt(random.nextInt(9)));
      case 1 -> s.deleteCharAt(at);
      case 2 -> s.insert(at, '.');
      default -> s.setLength(at);
    }
    return s.toString();
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
      z.write(data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
