package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tests' own TOTP against the SHA-1 vectors of RFC 6238 appendix B (last six digits). */
class Rfc6238Test {

  /** Base32 of the RFC's ASCII secret "12345678901234567890". */
  static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void codeWhenRfcVectorsThenTheirLastSixDigits() {
    assertThat(Rfc6238.code(RFC_SECRET, Rfc6238.step(Instant.ofEpochSecond(59))))
        .isEqualTo("287082");
    assertThat(Rfc6238.code(RFC_SECRET, Rfc6238.step(Instant.ofEpochSecond(1111111109L))))
        .isEqualTo("081804");
    assertThat(Rfc6238.code(RFC_SECRET, Rfc6238.step(Instant.ofEpochSecond(1234567890L))))
        .isEqualTo("005924");
    assertThat(Rfc6238.code(RFC_SECRET, Rfc6238.step(Instant.ofEpochSecond(20000000000L))))
        .isEqualTo("353130");
  }

  @Test
  void codeWhenKeyGroupedWithDashesAndLowerCaseThenSameCode() {
    assertThat(Rfc6238.code("gezd-gnbv-gy3t-qojq-gezd-gnbv-gy3t-qojq", 1)).isEqualTo("287082");
  }
}
