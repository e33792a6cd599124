package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.twofactor.TwoFactorRescueService.RescueOutcome;
import dev.portcullis.spi.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoFactorRescueServiceTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

  private final TwoFactorTestBeans beans =
      new TwoFactorTestBeans(
          Map.of(
              "security.two_factor_rescue_mail", "helpdesk@example.com",
              "security.multi_factor_recovery_codes", "true"),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final TotpKey key = TotpKey.generate(new SecureRandom());
  private final UserRecord user =
      TwoFactorTestBeans.user(1, "authenticator", beans.secrets.encrypt(key), null);

  @Test
  void optionsWhenRecoveryCodesStoredThenOfferedAfterHelpAndEmail() {
    UserRecord withCodes =
        new UserRecord(
            2,
            "bob@example.com",
            null,
            null,
            true,
            "uid-2",
            null,
            null,
            NOW,
            null,
            null,
            null,
            null,
            0,
            "authenticator",
            "{}",
            null,
            null,
            null,
            List.of("gAAAA"),
            null,
            null,
            NOW,
            NOW);

    assertThat(beans.rescue.options(user)).containsExactly("help", "email");
    assertThat(beans.rescue.options(withCodes)).containsExactly("help", "email", "recovery_code");
    TwoFactorTestBeans noEmail =
        new TwoFactorTestBeans(
            Map.of("security.two_factor_rescue_email", "false"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(noEmail.rescue.options(user)).containsExactly("help");
  }

  @Test
  void rescueWhenEmailThenCodeOfTheUsersSecretMailedToTheUser() {
    assertThat(beans.rescue.rescue(user, form("email"))).isEqualTo(new RescueOutcome.Done("email"));

    TwoFactorTestBeans.RecordingMail.Sent mail = beans.mail.sent.get(0);
    assertThat(mail.template()).isEqualTo(MailTemplate.TWO_FACTOR_INSTRUCTIONS);
    assertThat(mail.to()).isEqualTo(user.email());
    assertThat(mail.context()).containsEntry("code", OneTimeCodes.codeAt(key, NOW));
  }

  @Test
  void rescueWhenHelpThenTheHelpDeskIsMailedAboutTheUserWithoutASecret() {
    assertThat(beans.rescue.rescue(user, form("help"))).isEqualTo(new RescueOutcome.Done("help"));

    TwoFactorTestBeans.RecordingMail.Sent mail = beans.mail.sent.get(0);
    assertThat(mail.template()).isEqualTo(MailTemplate.TWO_FACTOR_RESCUE);
    assertThat(mail.to()).isEqualTo("helpdesk@example.com");
    assertThat(mail.context())
        .containsEntry("email", user.email())
        .containsEntry("method", "authenticator");
    assertThat(mail.context().values()).doesNotContain(user.tfTotpSecret());
  }

  @Test
  void rescueWhenRecoveryCodeOfferedThenSentOnElseNotAChoice() {
    assertThat(beans.rescue.rescue(user, form("recovery_code")))
        .as("no codes stored")
        .isEqualTo(
            new RescueOutcome.Rejected(
                Map.of("help_setup", List.of("This is not one of the choices."))));
    assertThat(beans.rescue.rescue(user, form(""))).isInstanceOf(RescueOutcome.Rejected.class);
    assertThat(beans.mail.sent).isEmpty();
  }

  @Test
  void rescueWhenSendLimitReachedThen429() {
    for (int i = 0; i < 5; i++) {
      beans.rescue.rescue(user, form("email"));
    }

    RescueOutcome.NotSent limited = (RescueOutcome.NotSent) beans.rescue.rescue(user, form("help"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.fieldErrors()).containsKey("help_setup");
    assertThat(beans.mail.sent).hasSize(5);
  }

  private static Form form(String choice) {
    return Form.read(FormData.of(Map.of("help_setup", choice)), List.of("help_setup"), List.of());
  }
}
