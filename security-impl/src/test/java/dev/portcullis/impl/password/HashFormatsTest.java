package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class HashFormatsTest {

  @Test
  void ab64EncodeWhenPlusAndPaddingThenDotAndNoPadding() {
    byte[] data = {(byte) 0xfb, (byte) 0xff};

    assertThat(HashFormats.ab64Encode(data)).isEqualTo("./8");
    assertThat(HashFormats.ab64Decode("./8")).containsExactly(data);
  }

  @Test
  void ab64DecodeWhenPlusThenRejected() {
    assertThatThrownBy(() -> HashFormats.ab64Decode("+/8"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void phcDecodeWhenPaddedThenRejected() {
    assertThatThrownBy(() -> HashFormats.phcDecode("+/8="))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsePositiveWhenLeadingZeroOrSignOrTooLongThenMinusOne() {
    assertThat(HashFormats.parsePositive("1000")).isEqualTo(1000);
    assertThat(HashFormats.parsePositive("01000")).isEqualTo(-1);
    assertThat(HashFormats.parsePositive("-1")).isEqualTo(-1);
    assertThat(HashFormats.parsePositive("1234567890")).isEqualTo(-1);
    assertThat(HashFormats.parsePositive("")).isEqualTo(-1);
  }

  @Test
  void hash64SaltWhenGeneratedThenAlphabetOnly() {
    String salt = HashFormats.hash64Salt(new SecureRandom(), 16);

    assertThat(salt).hasSize(16);
    assertThat(HashFormats.isHash64(salt)).isTrue();
  }
}
