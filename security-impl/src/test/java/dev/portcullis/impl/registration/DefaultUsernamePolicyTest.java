package dev.portcullis.impl.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.rest.TestMessages;
import dev.portcullis.spi.UsernamePolicy.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultUsernamePolicyTest {

  final DefaultUsernamePolicy policy =
      new DefaultUsernamePolicy(
          new SecurityConfiguration(MapConfig.valid(Map.of("security.username_enable", "true")))
              .account(),
          TestMessages.bundle());

  @Test
  void validateWhenLettersAndDigitsThenValid() {
    assertThat(policy.validate("ann2024")).isEqualTo(new Result.Valid("ann2024"));
    assertThat(policy.validate("Jörg")).isInstanceOf(Result.Valid.class);
  }

  @Test
  void validateWhenMarkupOrSurroundingSpaceThenIllegalCharacters() {
    assertThat(messages(policy.validate("<b>ann</b>"))).contains("characters that are not allowed");
    assertThat(messages(policy.validate(" annie"))).contains("characters that are not allowed");
  }

  @Test
  void validateWhenPunctuationThenOnlyLettersAndDigits() {
    assertThat(messages(policy.validate("ann.lee"))).contains("only letters and digits");
    assertThat(messages(policy.validate("ann lee"))).contains("only letters and digits");
  }

  @Test
  void validateWhenOutsideLengthBoundsThenInvalidLength() {
    assertThat(messages(policy.validate("abc"))).contains("4 to 32");
    assertThat(policy.validate("abcd")).isInstanceOf(Result.Valid.class);
    assertThat(policy.validate("a".repeat(32))).isInstanceOf(Result.Valid.class);
    assertThat(messages(policy.validate("a".repeat(33)))).contains("4 to 32");
  }

  @Test
  void normalizeWhenCompatibilityCharactersThenNfkd() {
    assertThat(policy.normalize("ﬁne")).isEqualTo("fine");
  }

  private static String messages(Result result) {
    return result instanceof Result.Invalid invalid ? String.join(" ", invalid.messages()) : "";
  }
}
