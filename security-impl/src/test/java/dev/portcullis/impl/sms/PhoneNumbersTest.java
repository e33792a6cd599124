package dev.portcullis.impl.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  private final PhoneNumbers us = new PhoneNumbers("US");
  private final PhoneNumbers germany = new PhoneNumbers("DE");

  @Test
  void canonicalWhenTypedInCommonWaysThenE164() {
    assertThat(us.canonical("(650) 253-0000")).contains("+16502530000");
    assertThat(us.canonical("650.253.0000")).contains("+16502530000");
    assertThat(us.canonical("+1 650 253 0000")).contains("+16502530000");
    assertThat(germany.canonical("030 901820")).contains("+4930901820");
    assertThat(germany.canonical("0049 30 901820")).contains("+4930901820");
    assertThat(us.canonical("+49 30 901820")).contains("+4930901820");
  }

  @Test
  void canonicalWhenNotAValidNumberThenEmpty() {
    for (String bad :
        new String[] {
          null, "", "  ", "12", "+1 555 0100", "not a number", "+999 123456", "1".repeat(65)
        }) {
      assertThat(us.canonical(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void newWhenUnknownRegionThenConfigurationError() {
    assertThatThrownBy(() -> new PhoneNumbers("XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.phone_region_default");
  }
}
