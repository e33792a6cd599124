package dev.portcullis.impl.recoverycodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.totp.MultiFactorFixtures;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  private static final JsonObject FERNET = MultiFactorFixtures.vectors().getJsonObject("fernet");
  private static final Instant ENCRYPTED_AT =
      Instant.ofEpochSecond(FERNET.getJsonNumber("encrypted_at").longValue());

  private static List<String> strings(String name) {
    return FERNET.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static RecoveryCodeCipher cipher(Optional<Duration> ttl, Instant now) {
    return new RecoveryCodeCipher(
        strings("keys"), ttl, Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());
  }

  private static RecoveryCodeCipher plain() {
    return new RecoveryCodeCipher(
        List.of(), Optional.empty(), Clock.systemUTC(), new SecureRandom());
  }

  @Test
  void readableWhenColumnWrittenByFlaskSecurityThenCodesOfConfiguredKeysOnly() {
    RecoveryCodes codes = RecoveryCodes.fromColumn(FERNET.getString("stored_column"));

    // Years later: without a TTL, age does not matter (fernet-java8 alone would allow 60 s).
    RecoveryCodeCipher cipher = cipher(Optional.empty(), ENCRYPTED_AT.plus(Duration.ofDays(900)));

    assertThat(codes.readable(cipher)).containsExactlyElementsOf(strings("readable_with_keys"));
  }

  @Test
  void redeemWhenFlaskSealedCodeThenRemovedAndSecondUseRefused() {
    RecoveryCodes codes = RecoveryCodes.fromColumn(FERNET.getString("stored_column"));
    RecoveryCodeCipher cipher = cipher(Optional.empty(), ENCRYPTED_AT);
    String second = strings("codes").get(1);

    RecoveryCodes left = codes.redeem(second, cipher).orElseThrow();

    assertThat(left.stored()).hasSize(2).doesNotContain(strings("keys").get(1));
    assertThat(left.readable(cipher)).containsExactly(strings("codes").get(0));
    assertThat(left.redeem(second, cipher)).isEmpty();
  }

  @Test
  void redeemWhenCodeOfUnconfiguredKeyOrWrongCaseThenRefused() {
    RecoveryCodes codes = RecoveryCodes.fromColumn(FERNET.getString("stored_column"));
    RecoveryCodeCipher cipher = cipher(Optional.empty(), ENCRYPTED_AT);

    assertThat(codes.redeem(strings("codes").get(2), cipher)).isEmpty();
    assertThat(codes.redeem(strings("codes").get(0).toUpperCase(), cipher)).isEmpty();
    assertThat(codes.redeem("", cipher)).isEmpty();
    assertThat(codes.redeem(null, cipher)).isEmpty();
  }

  @Test
  void readableWhenOlderThanTtlThenSkipped() {
    RecoveryCodes codes = RecoveryCodes.fromColumn(FERNET.getString("stored_column"));
    Optional<Duration> ttl = Optional.of(Duration.ofHours(1));

    assertThat(codes.readable(cipher(ttl, ENCRYPTED_AT.plus(Duration.ofMinutes(59))))).hasSize(2);
    assertThat(codes.readable(cipher(ttl, ENCRYPTED_AT.plus(Duration.ofMinutes(61))))).isEmpty();
  }

  @Test
  void generateThenFlaskFormatDistinctSealedAndRedeemable() {
    RecoveryCodeCipher cipher = cipher(Optional.empty(), Instant.now());

    RecoveryCodes.Generated generated = RecoveryCodes.generate(5, cipher, new SecureRandom());

    assertThat(generated.plain())
        .hasSize(5)
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"));
    assertThat(generated.codes().stored()).noneMatch(generated.plain()::contains);
    assertThat(generated.codes().readable(cipher)).containsExactlyElementsOf(generated.plain());
    assertThat(generated.toString()).doesNotContain(generated.plain().get(0));
    assertThat(generated.codes().toString()).doesNotContain(generated.codes().stored().get(0));
  }

  @Test
  void generateWhenNoKeysThenStoredPlainAsFlaskDoes() {
    RecoveryCodes.Generated generated = RecoveryCodes.generate(3, plain(), new SecureRandom());

    assertThat(generated.codes().stored()).containsExactlyElementsOf(generated.plain());
    assertThat(generated.codes().toColumn()).isEqualTo(String.join(",", generated.plain()));
  }

  @Test
  void toColumnWhenLastCodeUsedThenNull() {
    RecoveryCodes one = RecoveryCodes.fromColumn("aaaa-bbbb-cccc");

    assertThat(one.redeem("aaaa-bbbb-cccc", plain()).orElseThrow().toColumn()).isNull();
    assertThat(RecoveryCodes.fromColumn(null).stored()).isEmpty();
    assertThat(RecoveryCodes.fromColumn(" ").stored()).isEmpty();
  }

  @Test
  void newWhenKeyIsNotFernetThenConfigurationErrorWithoutTheKey() {
    assertThatThrownBy(
            () ->
                new RecoveryCodeCipher(
                    List.of("not-a-key"), Optional.empty(), Clock.systemUTC(), new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.multi_factor_recovery_codes_keys")
        .hasMessageNotContaining("not-a-key");
  }
}
