package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotpWalletTest {

  private final TotpWallet wallet = MultiFactorFixtures.totpWallet();

  @Test
  void decryptWhenWrittenByFlaskSecurityThenSameKeyAndSameCodesAsPyotp() {
    var vectors = MultiFactorFixtures.vectors().getJsonArray("totp");
    assertThat(vectors).hasSize(3);
    for (JsonObject vector : vectors.getValuesAs(JsonObject.class)) {
      TotpKey key = wallet.decrypt(vector.getString("stored")).orElseThrow();

      assertThat(key.base32()).isEqualTo(vector.getString("key"));
      vector
          .getJsonObject("codes")
          .forEach(
              (time, code) ->
                  assertThat(OneTimeCodes.codeAt(key, Instant.ofEpochSecond(Long.parseLong(time))))
                      .as("code at %s", time)
                      .isEqualTo(((jakarta.json.JsonString) code).getString()));
    }
  }

  @Test
  void decryptWhenPlainJsonOrOtpauthUriThenKey() {
    JsonObject plain = MultiFactorFixtures.vectors().getJsonObject("plain");

    assertThat(wallet.decrypt(plain.getString("plain_json")).orElseThrow().base32())
        .isEqualTo(plain.getString("key"));
    assertThat(wallet.decrypt(plain.getString("uri")).orElseThrow().base32())
        .isEqualTo(plain.getString("key"));
  }

  @Test
  void encryptThenPasslibFormatUnderNewestTagAndDecryptsBack() {
    TotpKey key = TotpKey.generate(new SecureRandom());

    String stored = wallet.encrypt(key);

    assertThat(stored)
        .matches(
            "\\{\"enckey\":\\{\"c\":14,\"k\":\"[A-Z2-7]{32}\",\"s\":\"[A-Z2-7]{20}\","
                + "\"t\":\"2\",\"v\":1\\},\"type\":\"totp\",\"v\":1\\}");
    assertThat(wallet.decrypt(stored)).contains(key);
  }

  @Test
  void encryptWhenTagsNumericThenLargestNumberNotLargestText() {
    TotpWallet tens =
        new TotpWallet(Map.of("9", "nine-secret", "10", "ten-secret"), 4, new SecureRandom());

    assertThat(tens.encrypt(TotpKey.generate(new SecureRandom()))).contains("\"t\":\"10\"");
  }

  @Test
  void decryptWhenTagRemovedFromWalletThenEmpty() {
    String underTagTwo = wallet.encrypt(TotpKey.generate(new SecureRandom()));
    TotpWallet rotatedAway = new TotpWallet(Map.of("3", "third"), 14, new SecureRandom());

    assertThat(rotatedAway.decrypt(underTagTwo)).isEmpty();
  }

  @Test
  void decryptWhenSecretChangedUnderSameTagThenDifferentKeyNotError() {
    TotpKey key = TotpKey.generate(new SecureRandom());
    String stored = new TotpWallet(Map.of("1", "old"), 4, new SecureRandom()).encrypt(key);

    // CTR has no integrity check (as in passlib): a wrong secret yields another key, never a crash.
    assertThat(new TotpWallet(Map.of("1", "new"), 4, new SecureRandom()).decrypt(stored))
        .isPresent()
        .get()
        .isNotEqualTo(key);
  }

  @Test
  void decryptWhenMalformedThenEmpty() {
    for (String bad :
        new String[] {
          "",
          "not json",
          "[]",
          "{\"type\":\"hotp\",\"v\":1,\"key\":\"ABCDEFGH\"}",
          "{\"type\":\"totp\",\"v\":2,\"key\":\"ABCDEFGH\"}",
          "{\"type\":\"totp\",\"v\":1,\"key\":\"not base32!\"}",
          "{\"type\":\"totp\",\"v\":1,\"key\":\"ABCDEFGH\",\"digits\":8}",
          "{\"type\":\"totp\",\"v\":1,\"enckey\":{\"c\":99,\"k\":\"AAAA\",\"s\":\"AAAA\",\"t\":\"1\",\"v\":1}}",
          "{\"type\":\"totp\",\"v\":1,\"enckey\":{\"c\":14,\"k\":\"AAAA\",\"s\":\"AAAA\",\"t\":\"x\",\"v\":1}}",
          "{\"type\":\"totp\",\"v\":1,\"enckey\":\"AAAA\"}",
          "otpauth://hotp/x?secret=ABCDEFGH",
          "{".repeat(5000)
        }) {
      assertThat(wallet.decrypt(bad)).as(bad.length() > 80 ? "deep" : bad).isEmpty();
    }
  }

  @Test
  void newWhenInvalidTagOrEmptyWalletThenConfigurationError() {
    assertThatThrownBy(() -> new TotpWallet(Map.of(), 14, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.totp_secrets");
    assertThatThrownBy(() -> new TotpWallet(Map.of("-bad", "s"), 14, new SecureRandom()))
        .hasMessageContaining("invalid tag");
    assertThatThrownBy(() -> new TotpWallet(Map.of("1", ""), 14, new SecureRandom()))
        .hasMessageContaining("empty secret")
        .hasMessageNotContaining("=");
  }
}
