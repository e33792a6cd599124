package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.signin.SecondFactor.Step;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.spi.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeSecondFactorTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

  private final FakeExchange exchange = new FakeExchange();

  @Test
  void isSetUpForWhenMethodAndSecretStoredThenTrueAndItsMethodNamesIt() {
    CodeSecondFactor factor = factor(beans(Map.of()));
    UserRecord none = TwoFactorTestBeans.user(1, null, null, null);
    UserRecord half = TwoFactorTestBeans.user(2, "email", null, null);
    UserRecord set = TwoFactorTestBeans.user(3, "sms", "{}", "+16502530000");

    assertThat(factor.isSetUpFor(none)).isFalse();
    assertThat(factor.isSetUpFor(half)).isFalse();
    assertThat(factor.isSetUpFor(set)).isTrue();
    assertThat(factor.methodFor(set)).isEqualTo("sms");
    assertThat(factor.requiresSetUp(none)).isFalse();
    assertThat(factor(beans(Map.of("security.two_factor_required", "true"))).requiresSetUp(none))
        .isTrue();
    assertThat(factor(beans(Map.of("security.two_factor", "false"))).isSetUpFor(set))
        .as("two-factor off")
        .isFalse();
  }

  @Test
  void beginWhenNotSetUpThenSetupFromLoginAndTheSetupPage() {
    UserRecord user = TwoFactorTestBeans.user(1, null, null, null);

    Step.Started started = (Step.Started) factor(beans(Map.of())).begin(user, exchange.request());

    assertThat(started.fields().getString("tf_state")).isEqualTo("setup_from_login");
    assertThat(started.view()).isEqualTo("/security/two_factor_setup.xhtml");
    assertThat(state().phase()).isEqualTo(TwoFactorState.Phase.SETUP_FROM_LOGIN);
  }

  @Test
  void beginWhenAuthenticatorThenReadyWithoutSending() {
    TwoFactorTestBeans beans = beans(Map.of());
    UserRecord user = withSecret(beans, "authenticator", TotpKey.generate(new SecureRandom()));

    Step.Started started = (Step.Started) factor(beans).begin(user, exchange.request());

    assertThat(started.fields().getString("tf_state")).isEqualTo("ready");
    assertThat(started.fields().getString("tf_method")).isEqualTo("authenticator");
    assertThat(started.view()).isEqualTo("/security/two_factor_verify_code.xhtml");
    assertThat(state().phase()).isEqualTo(TwoFactorState.Phase.READY);
    assertThat(beans.mail.sent).isEmpty();
  }

  @Test
  void beginWhenEmailThenTheFirstStepNotYetUsedIsMailed() {
    TwoFactorTestBeans beans = beans(Map.of());
    TotpKey key = TotpKey.generate(new SecureRandom());
    UserRecord user = withSecret(beans, "email", key);
    long now = OneTimeCodes.stepAt(NOW);

    factor(beans).begin(user, exchange.request());
    beans.store.useStep(user.id(), "email", now);
    factor(beans).begin(user, exchange.request());

    assertThat(beans.mail.sent.get(0).context())
        .containsEntry("code", OneTimeCodes.codeAt(key, now));
    assertThat(beans.mail.sent.get(1).context())
        .as("the current step's code was just used: the next one is sent")
        .containsEntry("code", OneTimeCodes.codeAt(key, now + 1));
  }

  @Test
  void beginWhenSmsFailsOrLimitReachedThenFailedStep() {
    TwoFactorTestBeans beans = beans(Map.of("security.two_factor_code_send_limit", "1"));
    UserRecord user = withSecret(beans, "sms", TotpKey.generate(new SecureRandom()));
    beans.sms.failing = true;

    Step failed = factor(beans).begin(user, exchange.request());
    Step limited = factor(beans).begin(user, exchange.request());

    assertThat(failed).isEqualTo(new Step.Failed(500, "FAILED_TO_SEND_CODE"));
    assertThat(limited).isInstanceOf(Step.Failed.class);
    assertThat(((Step.Failed) limited).status()).isEqualTo(429);
    assertThat(((Step.Failed) limited).messageKey()).isEqualTo("CODE_SEND_LIMIT");
  }

  private TwoFactorState state() {
    return (TwoFactorState) exchange.session.get(SessionKeys.TWO_FACTOR);
  }

  private static UserRecord withSecret(TwoFactorTestBeans beans, String method, TotpKey key) {
    return TwoFactorTestBeans.user(7, method, beans.secrets.encrypt(key), "+16502530000");
  }

  private static TwoFactorTestBeans beans(Map<String, String> settings) {
    return new TwoFactorTestBeans(settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static CodeSecondFactor factor(TwoFactorTestBeans beans) {
    CodeSecondFactor factor = new CodeSecondFactor();
    factor.config = beans.configuration.twoFactor();
    factor.secrets = beans.secrets;
    factor.delivery = beans.delivery;
    return factor;
  }
}
