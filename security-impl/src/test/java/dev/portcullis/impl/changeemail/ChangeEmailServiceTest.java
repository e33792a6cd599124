package dev.portcullis.impl.changeemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.ChangeEmailConfirmed;
import dev.portcullis.event.ChangeEmailInstructionsSent;
import dev.portcullis.impl.account.ServiceFixture;
import dev.portcullis.impl.changeemail.ChangeEmailService.ConfirmOutcome;
import dev.portcullis.impl.changeemail.ChangeEmailService.RequestOutcome;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Email change rules on the real collaborators and the test kit, without a server. */
class ChangeEmailServiceTest {

  private static final Pattern CONFIRM_LINK =
      Pattern.compile(Pattern.quote(ServiceFixture.LINK_BASE) + "change-email-confirm/([\\w.-]+)");

  private static ChangeEmailService service(ServiceFixture fx) {
    ChangeEmailService service = new ChangeEmailService();
    service.guard = CredentialGuard.disabled();
    service.users = fx.users;
    service.tokens = fx.userBoundTokens;
    service.emails = fx.emails;
    service.mail = fx.accountMail;
    service.events = fx.publisher;
    service.messages = fx.messages;
    service.config = fx.account;
    service.clock = fx.clock;
    return service;
  }

  private static RequestOutcome request(ServiceFixture fx, UserRecord user, String email) {
    return service(fx)
        .request(user, ServiceFixture.form(List.of("email"), Map.of("email", email)), fx.links);
  }

  private static String mailedToken(ServiceFixture fx, UserRecord user, String email) {
    assertThat(request(fx, user, email)).isInstanceOf(RequestOutcome.Sent.class);
    return fx.mail.extractFromLastTo(email, CONFIRM_LINK).orElseThrow();
  }

  @Test
  void requestWhenAddressFreeThenLinkMailedToTheNewAddressOnly() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");

    RequestOutcome outcome = request(fx, ann, "ann@NEW.example");

    assertThat(outcome).isEqualTo(new RequestOutcome.Sent("ann@new.example"));
    MailMessage mail = fx.mail.lastTo("ann@new.example").orElseThrow();
    assertThat(mail.subject()).isEqualTo("Confirm your new email address");
    assertThat(fx.mail.extractFromLastTo("ann@new.example", CONFIRM_LINK)).isPresent();
    assertThat(fx.mail.lastTo("ann@example.com")).isEmpty();
    assertThat(fx.reload(ann).email()).isEqualTo("ann@example.com");
    assertThat(fx.events.of(ChangeEmailInstructionsSent.class))
        .containsExactly(new ChangeEmailInstructionsSent(ann.toSecurityUser(), "ann@new.example"));
  }

  @Test
  void requestWhenAddressTakenThenRejectedAndNothingMailed() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");
    fx.user("bob@example.com", "another password");

    assertThat(request(fx, ann, "BOB@example.com"))
        .isEqualTo(
            new RequestOutcome.Rejected(
                Map.of("email", List.of("BOB@example.com already belongs to an account."))));
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void requestWhenGenericResponsesAndAddressTakenThenLooksSentAndNothingMailed() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.return_generic_responses", "true"));
    UserRecord ann = fx.user("ann@example.com", "a good password");
    fx.user("bob@example.com", "another password");

    assertThat(request(fx, ann, "bob@example.com"))
        .isEqualTo(new RequestOutcome.Sent("bob@example.com"));
    assertThat(fx.mail.messages()).isEmpty();
    assertThat(fx.events.all()).isEmpty();
  }

  @Test
  void requestWhenAddressInvalidThenInvalidEmailAddress() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");

    assertThat(request(fx, ann, "ann@"))
        .isEqualTo(
            new RequestOutcome.Rejected(
                Map.of("email", List.of("This is not a valid email address."))));
  }

  @Test
  void confirmWhenTokenValidThenEmailChangedConfirmedNowAndOldAddressNotified() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");
    String token = mailedToken(fx, ann, "ann@new.example");
    Instant now = fx.clock.advance(Duration.ofMinutes(10));

    ConfirmOutcome outcome = service(fx).confirm(token);

    assertThat(outcome).isInstanceOf(ConfirmOutcome.Changed.class);
    UserRecord after = fx.reload(ann);
    assertThat(after.email()).isEqualTo("ann@new.example");
    assertThat(after.confirmedAt()).isEqualTo(now);
    assertThat(fx.mail.lastTo("ann@example.com").orElseThrow().subject())
        .isEqualTo("Your account email address is changing");
    assertThat(fx.events.of(ChangeEmailConfirmed.class))
        .containsExactly(new ChangeEmailConfirmed(after.toSecurityUser(), "ann@example.com"));
  }

  @Test
  void confirmWhenOlderThanChangeEmailWithinThenExpiredAndUnchanged() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.change_email_within", "30 minutes"));
    UserRecord ann = fx.user("ann@example.com", "a good password");
    String token = mailedToken(fx, ann, "ann@new.example");
    fx.clock.advance(Duration.ofMinutes(30).plusSeconds(1));

    assertThat(service(fx).confirm(token))
        .isEqualTo(new ConfirmOutcome.Failed("CHANGE_EMAIL_EXPIRED", ""));
    assertThat(fx.reload(ann).email()).isEqualTo("ann@example.com");
  }

  @Test
  void confirmWhenJustWithinChangeEmailWithinThenChanged() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.change_email_within", "30 minutes"));
    UserRecord ann = fx.user("ann@example.com", "a good password");
    String token = mailedToken(fx, ann, "ann@new.example");
    fx.clock.advance(Duration.ofMinutes(30).minusSeconds(1));

    assertThat(service(fx).confirm(token)).isInstanceOf(ConfirmOutcome.Changed.class);
  }

  @Test
  void confirmWhenAddressTakenMeanwhileThenFailedAndUnchanged() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");
    String token = mailedToken(fx, ann, "shared@example.com");
    fx.user("Shared@example.com", "another password");

    assertThat(service(fx).confirm(token))
        .isEqualTo(new ConfirmOutcome.Failed("EMAIL_ALREADY_ASSOCIATED", "shared@example.com"));
    assertThat(fx.reload(ann).email()).isEqualTo("ann@example.com");
  }

  @Test
  void confirmWhenUsedTwiceThenSecondInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");
    String token = mailedToken(fx, ann, "ann@new.example");
    service(fx).confirm(token);

    assertThat(service(fx).confirm(token))
        .isEqualTo(new ConfirmOutcome.Failed("INVALID_CHANGE_EMAIL_TOKEN", ""));
  }

  @Test
  void confirmWhenTokenOfAnotherPurposeThenInvalid() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "a good password");
    // The payload of a change-email token, signed for password reset.
    String resetToken =
        fx.userBoundTokens.create(TokenPurpose.RESET, ann, ann.email(), "evil@example.com");

    assertThat(service(fx).confirm(resetToken))
        .isEqualTo(new ConfirmOutcome.Failed("INVALID_CHANGE_EMAIL_TOKEN", ""));
    assertThat(fx.reload(ann).email()).isEqualTo("ann@example.com");
  }
}
