package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.TwoFactorCodeConfirmed;
import dev.portcullis.event.TwoFactorDisabled;
import dev.portcullis.event.TwoFactorProfileChanged;
import dev.portcullis.event.TwoFactorTokenSent;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.twofactor.TwoFactorService.SetupOutcome;
import dev.portcullis.impl.twofactor.TwoFactorService.ValidateOutcome;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwoFactorServiceTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

  private final TwoFactorTestBeans beans =
      new TwoFactorTestBeans(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));
  private final TwoFactorService service = beans.service;
  private final UserRecord ann = TwoFactorTestBeans.user(1, null, null, null);

  @Test
  void setupWhenAuthenticatorThenNewSecretKeptInStateOnlyAndAppValuesReturned() {
    SetupOutcome outcome = service.setup(ann, form("setup", "authenticator"));

    SetupOutcome.Started started = (SetupOutcome.Started) outcome;
    TwoFactorState state = started.state();
    assertThat(state.phase()).isEqualTo(Phase.VALIDATING_PROFILE);
    assertThat(state.uid()).isEqualTo(ann.fsUniquifier());
    assertThat(state.method()).isEqualTo("authenticator");
    assertThat(started.fields().getString("tf_state")).isEqualTo("validating_profile");
    assertThat(started.fields().getString("tf_authr_username")).isEqualTo("ann@example.com");
    assertThat(started.fields().getString("tf_authr_issuer")).isEqualTo("Unit Tests");
    TotpKey key = beans.secrets.decrypt(state.secret()).orElseThrow();
    assertThat(started.fields().getString("tf_authr_key")).isEqualTo(key.grouped());
    assertThat(state.toString()).doesNotContain(state.secret());
    assertThat(beans.store.columns).as("nothing stored before a code").isEmpty();
    assertThat(beans.mail.sent).isEmpty();
  }

  @Test
  void setupWhenCalledAgainThenEveryTimeANewSecret() {
    String first =
        ((SetupOutcome.Started) service.setup(ann, form("setup", "authenticator")))
            .state()
            .secret();
    String second =
        ((SetupOutcome.Started) service.setup(ann, form("setup", "authenticator")))
            .state()
            .secret();

    assertThat(beans.secrets.decrypt(first)).isNotEqualTo(beans.secrets.decrypt(second));
  }

  @Test
  void setupWhenEmailThenCurrentCodeMailedAndEventWithoutCode() {
    SetupOutcome.Started started = (SetupOutcome.Started) service.setup(ann, form("setup", "mail"));

    assertThat(started.state().method()).as("Flask's legacy name").isEqualTo("email");
    TotpKey key = beans.secrets.decrypt(started.state().secret()).orElseThrow();
    TwoFactorTestBeans.RecordingMail.Sent mail = beans.mail.sent.get(0);
    assertThat(mail.template()).isEqualTo(MailTemplate.TWO_FACTOR_INSTRUCTIONS);
    assertThat(mail.context()).containsEntry("code", OneTimeCodes.codeAt(key, NOW));
    assertThat(beans.events.published)
        .containsExactly(new TwoFactorTokenSent(ann.toSecurityUser(), "email", null));
  }

  @Test
  void setupWhenSmsThenCodeTextedToTheNumberInE164() {
    SetupOutcome.Started started =
        (SetupOutcome.Started) service.setup(ann, form("setup", "sms", "phone", "(650) 253-0000"));

    assertThat(started.state().phone()).isEqualTo("+16502530000");
    TotpKey key = beans.secrets.decrypt(started.state().secret()).orElseThrow();
    assertThat(beans.sms.sent)
        .containsExactly(
            new TwoFactorTestBeans.RecordingSms.Text(
                "+16502530000", "Your sign-in code is " + OneTimeCodes.codeAt(key, NOW)));
  }

  @Test
  void setupWhenSmsProviderFailsThen500WithTheStateKept() {
    beans.sms.failing = true;

    SetupOutcome.NotSent notSent =
        (SetupOutcome.NotSent) service.setup(ann, form("setup", "sms", "phone", "+16502530000"));

    assertThat(notSent.status()).isEqualTo(500);
    assertThat(notSent.fieldErrors().get("setup"))
        .containsExactly("The code could not be sent. Please try again later.");
    assertThat(notSent.state().phase()).isEqualTo(Phase.VALIDATING_PROFILE);
  }

  @Test
  void setupWhenSendLimitReachedThen429SayingHowLongToWait() {
    for (int i = 0; i < 5; i++) {
      assertThat(service.setup(ann, form("setup", "email")))
          .isInstanceOf(SetupOutcome.Started.class);
    }

    SetupOutcome.NotSent limited =
        (SetupOutcome.NotSent) service.setup(ann, form("setup", "email"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.fieldErrors().get("setup").get(0))
        .isEqualTo(
            "Too many codes were sent lately. Please wait 15 minutes before asking for another.");
    assertThat(beans.mail.sent).hasSize(5);
  }

  @Test
  void setupWhenMethodUnknownOrNotEnabledOrPhoneBadThenRejectedAndNothingSent() {
    TwoFactorTestBeans emailOnly =
        new TwoFactorTestBeans(
            Map.of("security.two_factor_enabled_methods", "email"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(errors(service.setup(ann, form("setup", "fax"))))
        .containsEntry("setup", List.of("This method is not available."));
    assertThat(errors(service.setup(ann, form()))).containsKey("setup");
    assertThat(errors(emailOnly.service.setup(ann, form("setup", "sms", "phone", "+16502530000"))))
        .containsKey("setup");
    assertThat(errors(service.setup(ann, form("setup", "sms", "phone", "12"))))
        .containsEntry(
            "phone", List.of("This phone number is not valid; include the country code."));
    assertThat(beans.sms.sent).isEmpty();
    assertThat(beans.store.columns).isEmpty();
  }

  @Test
  void setupWhenDisableThenStoredFactorRemovedUnlessRequired() {
    UserRecord withFactor = TwoFactorTestBeans.user(2, "email", "{secret}", null);
    TwoFactorTestBeans required =
        new TwoFactorTestBeans(
            Map.of("security.two_factor_required", "true"), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(service.availableMethods(withFactor)).startsWith("disable");
    assertThat(service.setup(withFactor, form("setup", "disable")))
        .isInstanceOf(SetupOutcome.Disabled.class);
    assertThat(beans.store.columns.get(2L)).containsOnlyNulls();
    assertThat(beans.events.published)
        .containsExactly(new TwoFactorDisabled(withFactor.toSecurityUser()));

    assertThat(required.service.availableMethods(withFactor)).doesNotContain("disable");
    assertThat(errors(required.service.setup(withFactor, form("setup", "disable"))))
        .containsKey("setup");
    assertThat(required.store.columns).isEmpty();
  }

  @Test
  void validateWhenNewMethodsCodeRightThenStoredWithItsStepAndEventByKind() {
    SetupOutcome.Started started =
        (SetupOutcome.Started) service.setup(ann, form("setup", "authenticator"));
    TotpKey key = beans.secrets.decrypt(started.state().secret()).orElseThrow();

    ValidateOutcome outcome =
        service.validate(ann, started.state(), Optional.of(OneTimeCodes.codeAt(key, NOW)), true);

    assertThat(outcome).isEqualTo(new ValidateOutcome.Passed("authenticator"));
    assertThat(beans.store.columns.get(1L))
        .containsExactly("authenticator", started.state().secret(), null);
    assertThat(beans.store.lastUsedStep(1, "authenticator")).isEqualTo(OneTimeCodes.stepAt(NOW));
    assertThat(beans.events.published)
        .containsExactly(new TwoFactorProfileChanged(ann.toSecurityUser(), "authenticator"));

    SetupOutcome.Started again =
        (SetupOutcome.Started) service.setup(ann, form("setup", "authenticator"));
    TotpKey other = beans.secrets.decrypt(again.state().secret()).orElseThrow();
    service.validate(ann, again.state(), Optional.of(OneTimeCodes.codeAt(other, NOW)), false);
    assertThat(beans.events.published)
        .as("while signing in it confirms a code")
        .contains(new TwoFactorCodeConfirmed(ann.toSecurityUser(), "authenticator"));
  }

  @Test
  void validateWhenReadyThenStoredSecretsCodeAcceptedOnceAndOlderStepsRefused() {
    TotpKey key = TotpKey.generate(new java.security.SecureRandom());
    UserRecord user = TwoFactorTestBeans.user(3, "authenticator", beans.secrets.encrypt(key), null);
    TwoFactorState ready = TwoFactorState.of(user.fsUniquifier(), Phase.READY);
    long now = OneTimeCodes.stepAt(NOW);

    assertThat(service.validate(user, ready, Optional.of(OneTimeCodes.codeAt(key, now)), false))
        .isInstanceOf(ValidateOutcome.Passed.class);
    assertThat(service.validate(user, ready, Optional.of(OneTimeCodes.codeAt(key, now)), false))
        .as("replayed")
        .isInstanceOf(ValidateOutcome.Rejected.class);
    assertThat(service.validate(user, ready, Optional.of(OneTimeCodes.codeAt(key, now - 1)), false))
        .as("older")
        .isInstanceOf(ValidateOutcome.Rejected.class);
    assertThat(service.validate(user, ready, Optional.of(OneTimeCodes.codeAt(key, now + 4)), false))
        .as("the window's last step")
        .isInstanceOf(ValidateOutcome.Passed.class);
    assertThat(service.validate(user, ready, Optional.of(OneTimeCodes.codeAt(key, now + 5)), false))
        .as("beyond the window")
        .isInstanceOf(ValidateOutcome.Rejected.class);
  }

  @Test
  void validateWhenWrongCodesThenCountedAndTheFifthEndsTheState() {
    TotpKey key = TotpKey.generate(new java.security.SecureRandom());
    UserRecord user = TwoFactorTestBeans.user(4, "email", beans.secrets.encrypt(key), null);
    TwoFactorState state = TwoFactorState.of(user.fsUniquifier(), Phase.READY);

    ValidateOutcome.Rejected missing =
        (ValidateOutcome.Rejected) service.validate(user, state, Optional.empty(), false);
    assertThat(missing.fieldErrors()).containsEntry("code", List.of("This field is required."));
    state = missing.state();
    for (int i = 2; i < TwoFactorState.MAX_FAILURES; i++) {
      ValidateOutcome.Rejected wrong =
          (ValidateOutcome.Rejected)
              service.validate(user, state, Optional.of("not a code"), false);
      assertThat(wrong.fieldErrors()).containsEntry("code", List.of("This code is not valid."));
      state = wrong.state();
    }
    assertThat(state.failures()).isEqualTo(TwoFactorState.MAX_FAILURES - 1);
    assertThat(service.validate(user, state, Optional.of("000000"), false))
        .isInstanceOf(ValidateOutcome.TooManyAttempts.class);
  }

  @Test
  void validateWhenStoredMethodUnknownOrSecretUnreadableThenRefused() {
    TotpKey key = TotpKey.generate(new java.security.SecureRandom());
    String code = OneTimeCodes.codeAt(key, NOW);
    UserRecord pigeon = TwoFactorTestBeans.user(5, "pigeon", beans.secrets.encrypt(key), null);
    UserRecord garbled = TwoFactorTestBeans.user(6, "authenticator", "{\"garbled\":1}", null);

    assertThat(
            service.validate(
                pigeon, TwoFactorState.of("uid-5", Phase.READY), Optional.of(code), false))
        .isInstanceOf(ValidateOutcome.Rejected.class);
    assertThat(
            service.validate(
                garbled, TwoFactorState.of("uid-6", Phase.READY), Optional.of(code), false))
        .isInstanceOf(ValidateOutcome.Rejected.class);
  }

  private static Form form(String... pairs) {
    Map<String, String> values = new java.util.HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return Form.read(FormData.of(values), List.of("setup", "phone"), List.of());
  }

  private static Map<String, List<String>> errors(SetupOutcome outcome) {
    return ((SetupOutcome.Rejected) outcome).fieldErrors();
  }
}
