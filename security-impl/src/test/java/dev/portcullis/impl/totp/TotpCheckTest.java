package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpCheckTest {

  private static final Duration WINDOW = Duration.ofSeconds(120);
  private final TotpKey key = TotpKey.generate(new SecureRandom());
  private final Instant now = Instant.ofEpochSecond(1_700_000_015);
  private final long step = OneTimeCodes.stepAt(now);

  @Test
  void matchWhenCurrentCodeThenItsStep() {
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, now), now, WINDOW, -1)).hasValue(step);
  }

  @Test
  void matchWhenCodeWithinWindowEitherSideThenAcceptedOutsideRefused() {
    // 120 s either side of 1_700_000_015 covers the steps holding 1_699_999_895 .. 1_700_000_135.
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, step - 4), now, WINDOW, -1))
        .hasValue(step - 4);
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, step + 4), now, WINDOW, -1))
        .hasValue(step + 4);
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, step - 5), now, WINDOW, -1)).isEmpty();
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, step + 5), now, WINDOW, -1)).isEmpty();
  }

  @Test
  void matchWhenStepAlreadyUsedThenRefusedAndOlderStepsToo() {
    String current = OneTimeCodes.codeAt(key, step);
    String older = OneTimeCodes.codeAt(key, step - 1);

    assertThat(TotpCheck.match(key, current, now, WINDOW, step)).isEmpty();
    assertThat(TotpCheck.match(key, older, now, WINDOW, step)).isEmpty();
    assertThat(TotpCheck.match(key, OneTimeCodes.codeAt(key, step + 1), now, WINDOW, step))
        .hasValue(step + 1);
  }

  @Test
  void matchWhenTypedWithSpacesOrDashesThenNormalized() {
    String code = OneTimeCodes.codeAt(key, now);
    String spaced = code.substring(0, 3) + " " + code.substring(3);
    String dashed = " " + code.substring(0, 3) + "-" + code.substring(3) + "\n";

    assertThat(TotpCheck.match(key, spaced, now, WINDOW, -1)).hasValue(step);
    assertThat(TotpCheck.match(key, dashed, now, WINDOW, -1)).hasValue(step);
  }

  @Test
  void matchWhenNotSixAsciiDigitsThenEmpty() {
    String code = OneTimeCodes.codeAt(key, now);
    String fullWidth =
        code.chars()
            .mapToObj(c -> String.valueOf((char) (c - '0' + '\uFF10')))
            .reduce("", String::concat);

    for (String bad :
        new String[] {null, "", "12345", "1234567", "abcdef", fullWidth, "1".repeat(100)}) {
      assertThat(TotpCheck.match(key, bad, now, WINDOW, -1)).as(String.valueOf(bad)).isEmpty();
    }
  }
}
