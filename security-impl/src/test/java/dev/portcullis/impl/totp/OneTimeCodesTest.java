package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

  /** RFC 6238 appendix B's SHA-1 seed, the ASCII of "12345678901234567890". */
  private static final TotpKey RFC_KEY =
      TotpKey.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void codeAtWhenRfc6238Sha1VectorsThenTheirLastSixDigits() {
    // RFC 6238 appendix B gives 8-digit codes; a 6-digit code is the same value mod 10^6.
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    assertThat(OneTimeCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(20000000000L)))
        .isEqualTo("353130");
  }

  @Test
  void stepAtWhenBoundaryThenThirtySecondSteps() {
    assertThat(OneTimeCodes.stepAt(Instant.ofEpochSecond(29))).isZero();
    assertThat(OneTimeCodes.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
    assertThat(OneTimeCodes.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
  }
}
