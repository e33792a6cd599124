package dev.portcullis.impl.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.PasswordReset;
import dev.portcullis.event.ResetPasswordInstructionsSent;
import dev.portcullis.impl.account.ServiceFixture;
import dev.portcullis.impl.recovery.RecoveryService.ForgotOutcome;
import dev.portcullis.impl.recovery.RecoveryService.LinkStatus;
import dev.portcullis.impl.recovery.RecoveryService.ResetOutcome;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.UserRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password recovery rules on the real collaborators and the test kit, without a server. */
class RecoveryServiceTest {

  private static final String OLD = "the old password";
  private static final String NEW = "a brand new password";
  private static final Pattern RESET_LINK =
      Pattern.compile(Pattern.quote(ServiceFixture.LINK_BASE) + "reset/([\\w.-]+)");

  private static RecoveryService service(ServiceFixture fx) {
    RecoveryService service = new RecoveryService();
    service.guard = CredentialGuard.disabled();
    service.users = fx.users;
    service.tokens = fx.userBoundTokens;
    service.emails = fx.emails;
    service.decoys = fx.decoys;
    service.hasher = fx.hasher;
    service.policy = fx.passwordPolicy;
    service.mail = fx.accountMail;
    service.events = fx.publisher;
    service.messages = fx.messages;
    service.config = fx.account;
    return service;
  }

  private static ForgotOutcome forgot(ServiceFixture fx, String email) {
    return service(fx)
        .forgot(ServiceFixture.form(List.of("email"), Map.of("email", email)), fx.links);
  }

  private static ResetOutcome reset(ServiceFixture fx, String token, String password) {
    return service(fx)
        .reset(
            token,
            ServiceFixture.form(
                List.of("password", "password_confirm"),
                Map.of("password", password, "password_confirm", password)),
            fx.links);
  }

  /** Asks for a reset link for {@code email} and returns the token it carries. */
  private static String mailedToken(ServiceFixture fx, String email) {
    assertThat(forgot(fx, email)).isInstanceOf(ForgotOutcome.Sent.class);
    return fx.mail.extractFromLastTo(email, RESET_LINK).orElseThrow();
  }

  @Test
  void forgotWhenActiveConfirmedUserThenResetLinkMailed() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);

    assertThat(forgot(fx, "ANN@example.com")).isInstanceOf(ForgotOutcome.Sent.class);

    MailMessage mail = fx.mail.lastTo("ann@example.com").orElseThrow();
    assertThat(mail.subject()).isEqualTo("Resetting your password");
    assertThat(fx.mail.extractFromLastTo("ann@example.com", RESET_LINK)).isPresent();
    assertThat(fx.events.of(ResetPasswordInstructionsSent.class))
        .extracting(e -> e.user().id())
        .containsExactly(ann.id());
  }

  @Test
  void forgotWhenUnknownEmailThenRejectedAndNothingMailed() {
    ServiceFixture fx = ServiceFixture.defaults();

    ForgotOutcome outcome = forgot(fx, "nobody@example.com");

    assertThat(outcome)
        .isEqualTo(
            new ForgotOutcome.Rejected(
                Map.of("email", List.of("No account matches this identity.")), false));
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void forgotWhenGenericResponsesAndUnknownEmailThenLooksSentAndNothingMailed() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.return_generic_responses", "true"));

    assertThat(forgot(fx, "nobody@example.com")).isInstanceOf(ForgotOutcome.Sent.class);
    assertThat(fx.mail.messages()).isEmpty();
    assertThat(fx.events.all()).isEmpty();
  }

  @Test
  void forgotWhenInactiveThenDisabledAccount() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.inactiveUser("ann@example.com", OLD);

    assertThat(forgot(fx, "ann@example.com"))
        .isEqualTo(
            new ForgotOutcome.Rejected(
                Map.of("email", List.of("This account is disabled.")), false));
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void forgotWhenConfirmableAndUnconfirmedThenConfirmationRequired() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.confirmable", "true"));
    fx.unconfirmedUser("ann@example.com", OLD);

    assertThat(forgot(fx, "ann@example.com"))
        .isEqualTo(
            new ForgotOutcome.Rejected(
                Map.of("email", List.of("Please confirm your email address first.")), true));
  }

  @Test
  void resetWhenTokenValidThenPasswordChangedSessionsEndedAndNoticeMailed() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");

    ResetOutcome outcome = reset(fx, token, NEW);

    assertThat(outcome).isInstanceOf(ResetOutcome.Reset.class);
    UserRecord after = fx.reload(ann);
    assertThat(fx.hasher.verify(NEW, after.password()).ok()).isTrue();
    assertThat(fx.hasher.verify(OLD, after.password()).ok()).isFalse();
    assertThat(after.fsUniquifier()).isNotEqualTo(ann.fsUniquifier());
    assertThat(after.fsTokenUniquifier()).isNotEqualTo(ann.fsTokenUniquifier());
    assertThat(fx.mail.lastTo("ann@example.com").orElseThrow().subject())
        .isEqualTo("Your password was reset");
    assertThat(fx.events.of(PasswordReset.class)).hasSize(1);
  }

  @Test
  void resetWhenTokenUsedOnceThenSecondUseInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");
    reset(fx, token, NEW);
    UserRecord afterFirst = fx.reload(ann);

    ResetOutcome again = reset(fx, token, "yet another password");

    assertThat(again).isEqualTo(new ResetOutcome.BadLink("INVALID_RESET_PASSWORD_TOKEN"));
    assertThat(fx.reload(ann).password()).isEqualTo(afterFirst.password());
  }

  @Test
  void resetWhenPasswordChangedAnotherWayThenTokenInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");

    fx.users.setPassword(ann.id(), fx.hasher.hash("changed meanwhile"));

    assertThat(service(fx).check(token, fx.links))
        .isEqualTo(new LinkStatus.Unusable("INVALID_RESET_PASSWORD_TOKEN"));
  }

  @Test
  void checkWhenTokenOlderThanResetPasswordWithinThenExpiredAndFreshLinkMailed() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.reset_password_within", "2 hours"));
    fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");

    fx.clock.advance(Duration.ofHours(2).minusSeconds(1));
    assertThat(service(fx).check(token, fx.links)).isInstanceOf(LinkStatus.Valid.class);

    fx.clock.advance(Duration.ofSeconds(2));
    assertThat(service(fx).check(token, fx.links))
        .isEqualTo(new LinkStatus.Unusable("PASSWORD_RESET_EXPIRED"));
    assertThat(reset(fx, token, NEW)).isEqualTo(new ResetOutcome.BadLink("PASSWORD_RESET_EXPIRED"));

    List<MailMessage> mails = fx.mail.messagesTo("ann@example.com");
    String fresh = fx.mail.extractFromLastTo("ann@example.com", RESET_LINK).orElseThrow();
    assertThat(mails).hasSizeGreaterThan(1);
    assertThat(fresh).isNotEqualTo(token);
    assertThat(reset(fx, fresh, NEW)).isInstanceOf(ResetOutcome.Reset.class);
  }

  @Test
  void resetWhenTokenOfAnotherPurposeBoundToThePasswordThenInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);
    // The same payload a reset token has, signed for confirmation: only the purpose differs.
    String confirmToken =
        fx.userBoundTokens.create(TokenPurpose.CONFIRM, ann, ann.password(), null);

    assertThat(reset(fx, confirmToken, NEW))
        .isEqualTo(new ResetOutcome.BadLink("INVALID_RESET_PASSWORD_TOKEN"));
    assertThat(fx.reload(ann).password()).isEqualTo(ann.password());
  }

  @Test
  void resetWhenTokenTamperedThenInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");
    // A changed payload character: the signature no longer covers what is presented.
    String tampered = (token.charAt(0) == 'e' ? 'f' : 'e') + token.substring(1);

    assertThat(reset(fx, tampered, NEW))
        .isEqualTo(new ResetOutcome.BadLink("INVALID_RESET_PASSWORD_TOKEN"));
  }

  @Test
  void resetWhenNewPasswordTooShortThenRejectedAndTokenStillUsable() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");

    assertThat(reset(fx, token, "seven77"))
        .isEqualTo(
            new ResetOutcome.Rejected(
                Map.of("password", List.of("The password needs at least 8 characters."))));
    assertThat(fx.reload(ann).password()).isEqualTo(ann.password());
    assertThat(service(fx).check(token, fx.links)).isInstanceOf(LinkStatus.Valid.class);
  }

  @Test
  void resetWhenConfirmationDiffersThenRetypeMismatch() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.user("ann@example.com", OLD);
    String token = mailedToken(fx, "ann@example.com");

    ResetOutcome outcome =
        service(fx)
            .reset(
                token,
                ServiceFixture.form(
                    List.of("password", "password_confirm"),
                    Map.of("password", NEW, "password_confirm", NEW + "!")),
                fx.links);

    assertThat(outcome)
        .isEqualTo(
            new ResetOutcome.Rejected(
                Map.of("password_confirm", List.of("The two passwords are not the same."))));
  }
}
