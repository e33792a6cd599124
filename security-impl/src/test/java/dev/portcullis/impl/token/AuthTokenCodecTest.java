package dev.portcullis.impl.token;

import static dev.portcullis.impl.token.TokenFixtures.SECRET;
import static dev.portcullis.impl.token.TokenFixtures.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthTokenCodecTest {

  private static final JsonObject AUTH = TokenFixtures.VECTORS.getJsonObject("auth");

  private final MutableClock clock = MutableClock.atEpochSecond(TIMESTAMP);
  private final PurposeTokens tokens =
      new PurposeTokens(new TokenSigner(SECRET, clock), TokenSalts.defaults());
  private final AuthTokenCodec codec = new AuthTokenCodec(tokens, clock);

  @Test
  void createWhenSameTimestampThenEqualsFlaskSecurityToken() {
    assertThat(codec.create("tok-uniq-5")).isEqualTo(AUTH.getString("v5"));
    assertThat(codec.create("tok-uniq-5", Instant.ofEpochSecond(TIMESTAMP + 600)))
        .isEqualTo(AUTH.getString("v5_exp_future"));
  }

  @Test
  void parseWhenFlaskV5TokenThenValidWithUid() {
    clock.advance(Duration.ofDays(400));
    assertThat(codec.parse(AUTH.getString("v5"), null))
        .isInstanceOfSatisfying(
            AuthTokenResult.Valid.class, v -> assertThat(v.uid()).isEqualTo("tok-uniq-5"));
  }

  @Test
  void parseWhenLegacyV4TokenThenValidWithOnlyElement() {
    assertThat(codec.parse(AUTH.getString("v4"), null))
        .isInstanceOfSatisfying(
            AuthTokenResult.Valid.class, v -> assertThat(v.uid()).isEqualTo("tok-uniq-4"));
  }

  @Test
  void parseWhenLegacyV3TokenThenValidWithThirdElement() {
    assertThat(codec.parse(AUTH.getString("v3"), null))
        .isInstanceOfSatisfying(
            AuthTokenResult.Valid.class, v -> assertThat(v.uid()).isEqualTo("tok-uniq-3"));
  }

  @Test
  void parseWhenExpInFutureThenValidUntilExpPasses() {
    String token = AUTH.getString("v5_exp_future");
    clock.advance(Duration.ofSeconds(600));
    assertThat(codec.parse(token, null)).isInstanceOf(AuthTokenResult.Valid.class);
    clock.advance(Duration.ofMillis(1));
    assertThat(codec.parse(token, null)).isInstanceOf(AuthTokenResult.Expired.class);
  }

  @Test
  void parseWhenVerifiedBeforeThenStillSubjectToMaxAgeAndTamperedCopiesInvalid() {
    String token = codec.create("u1");
    assertThat(codec.parse(token, null)).isEqualTo(codec.parse(token, null));
    String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    assertThat(codec.parse(tampered, null)).isInstanceOf(AuthTokenResult.Invalid.class);
    clock.advance(Duration.ofMinutes(2));
    assertThat(codec.parse(token, Duration.ofMinutes(1)))
        .isInstanceOf(AuthTokenResult.Expired.class);
    assertThat(codec.parse(token, null)).isInstanceOf(AuthTokenResult.Valid.class);
  }

  @Test
  void parseWhenExpInPastThenExpired() {
    assertThat(codec.parse(AUTH.getString("v5_exp_past"), null))
        .isInstanceOf(AuthTokenResult.Expired.class);
  }

  @Test
  void parseWhenOlderThanMaxAgeThenExpired() {
    String token = codec.create("u1");
    clock.advance(Duration.ofMinutes(15));
    assertThat(codec.parse(token, Duration.ofMinutes(15)))
        .isInstanceOf(AuthTokenResult.Valid.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(codec.parse(token, Duration.ofMinutes(15)))
        .isInstanceOf(AuthTokenResult.Expired.class);
  }

  @Test
  void parseWhenPayloadLacksV5KeysOrHasOtherShapeThenInvalid() {
    assertThat(codec.parse(AUTH.getString("v5_missing_sid"), null))
        .isEqualTo(AuthTokenResult.INVALID);
    assertThat(codec.parse(AUTH.getString("two_element_list"), null))
        .isEqualTo(AuthTokenResult.INVALID);
    String numericUid = tokens.sign(TokenPurpose.AUTH, Json.createArrayBuilder().add(7).build());
    assertThat(codec.parse(numericUid, null)).isEqualTo(AuthTokenResult.INVALID);
    String badExp =
        tokens.sign(
            TokenPurpose.AUTH,
            Json.createObjectBuilder()
                .add("ver", "5")
                .add("uid", "u")
                .add("sid", 0)
                .add("exp", "soon")
                .build());
    assertThat(codec.parse(badExp, null)).isEqualTo(AuthTokenResult.INVALID);
  }

  @Test
  void parseWhenTokenOfAnotherPurposeThenInvalid() {
    String loginLink = tokens.sign(TokenPurpose.LOGIN, Json.createArrayBuilder().add("u").build());
    assertThat(codec.parse(loginLink, null)).isEqualTo(AuthTokenResult.INVALID);
  }

  @Test
  void parseWhenGarbageThenInvalid() {
    assertThat(codec.parse(null, null)).isEqualTo(AuthTokenResult.INVALID);
    assertThat(codec.parse("not-a-token", Duration.ofSeconds(1)))
        .isEqualTo(AuthTokenResult.INVALID);
  }
}
