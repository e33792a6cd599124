package dev.portcullis.impl.unifiedsignin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.sms.SmsSenders;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnifiedSigninStartupTest {

  private static final SmsSender OWN_SENDER = (to, text) -> Delivery.SENT;

  @Test
  void checkWhenSmsListedAndSmsServiceNoneThenStartRefusedNamingTheKeys() {
    assertThatThrownBy(
            () -> UnifiedSigninStartup.check(config(true, "email", "sms"), SmsSenders.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.us_enabled_methods lists sms")
        .hasMessageContaining("security.sms_service is none");
  }

  @Test
  void checkWhenSmsHasASenderOrIsNotListedOrUnifiedSigninOffThenStarts() {
    assertThatCode(() -> UnifiedSigninStartup.check(config(true, "email", "sms"), OWN_SENDER))
        .doesNotThrowAnyException();
    assertThatCode(() -> UnifiedSigninStartup.check(config(true, "email"), SmsSenders.none()))
        .doesNotThrowAnyException();
    assertThatCode(() -> UnifiedSigninStartup.check(config(false, "sms"), SmsSenders.none()))
        .doesNotThrowAnyException();
  }

  private static UnifiedSigninConfig config(boolean enabled, String... methods) {
    return new UnifiedSigninConfig(
        enabled,
        List.of(methods),
        Set.of(),
        Duration.ofSeconds(120),
        Duration.ofSeconds(1800),
        false,
        true,
        "/setup",
        "/signin",
        "/setup",
        "/verify");
  }
}
