package dev.portcullis.impl.token;

import static dev.portcullis.impl.token.TokenFixtures.SECRET;
import static dev.portcullis.impl.token.TokenFixtures.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurposeTokensTest {

  private final MutableClock clock = MutableClock.atEpochSecond(TIMESTAMP);
  private final PurposeTokens tokens =
      new PurposeTokens(new TokenSigner(SECRET, clock), TokenSalts.defaults());

  @Test
  void verifyWhenFlaskTokenOfEachDefaultSaltThenValidForItsPurposeOnly() {
    for (JsonValue v : TokenFixtures.VECTORS.getJsonArray("signed")) {
      JsonObject vector = v.asJsonObject();
      Optional<TokenPurpose> purpose = purposeWithDefaultSalt(vector.getString("salt"));
      for (TokenPurpose candidate : TokenPurpose.values()) {
        TokenCheck check = tokens.verify(candidate, vector.getString("token"), null);
        boolean expected = purpose.isPresent() && purpose.get() == candidate;
        assertThat(check instanceof TokenCheck.Valid).as(candidate.name()).isEqualTo(expected);
      }
    }
  }

  @Test
  void verifyWhenTokenOfOnePurposeCheckedAsAnotherThenInvalid() {
    for (TokenPurpose signedFor : TokenPurpose.values()) {
      String token = tokens.sign(signedFor, Json.createArrayBuilder().add("uniq").build());
      for (TokenPurpose checkedAs : TokenPurpose.values()) {
        TokenCheck check = tokens.verify(checkedAs, token, Duration.ofDays(1));
        assertThat(check instanceof TokenCheck.Valid).isEqualTo(signedFor == checkedAs);
      }
    }
  }

  @Test
  void verifyWhenSaltOverriddenThenOnlyTheNewSaltVerifies() {
    PurposeTokens custom =
        new PurposeTokens(
            new TokenSigner(SECRET, clock),
            TokenSalts.withOverrides(Map.of(TokenPurpose.RESET, "my-reset-salt")));
    String token = custom.sign(TokenPurpose.RESET, Json.createValue("u"));
    assertThat(custom.verify(TokenPurpose.RESET, token, null)).isInstanceOf(TokenCheck.Valid.class);
    assertThat(tokens.verify(TokenPurpose.RESET, token, null)).isEqualTo(TokenCheck.INVALID);
  }

  @Test
  void constructorWhenTwoPurposesShareASaltThenThrows() {
    assertThatThrownBy(() -> TokenSalts.withOverrides(Map.of(TokenPurpose.RESET, "confirm-salt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confirm-salt");
    assertThatThrownBy(() -> TokenSalts.withOverrides(Map.of(TokenPurpose.AUTH, "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saltForWhenDefaultsThenFlaskSalts() {
    TokenSalts salts = TokenSalts.defaults();
    assertThat(salts.saltFor(TokenPurpose.AUTH)).isEqualTo("remember-salt");
    assertThat(salts.saltFor(TokenPurpose.TWO_FACTOR_VALIDITY)).isEqualTo("tf-validity-salt");
    assertThat(salts.saltFor(TokenPurpose.WEBAUTHN)).isEqualTo("wan-salt");
    assertThat(salts.saltFor(TokenPurpose.CSRF)).isEqualTo("wtf-csrf-token");
    assertThat(salts.salts()).hasSize(TokenPurpose.values().length);
  }

  private static Optional<TokenPurpose> purposeWithDefaultSalt(String salt) {
    return Arrays.stream(TokenPurpose.values())
        .filter(p -> p.defaultSalt().equals(salt))
        .findFirst();
  }
}
