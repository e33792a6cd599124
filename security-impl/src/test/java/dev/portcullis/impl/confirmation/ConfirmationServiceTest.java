package dev.portcullis.impl.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.ConfirmInstructionsSent;
import dev.portcullis.event.UserConfirmed;
import dev.portcullis.impl.account.ServiceFixture;
import dev.portcullis.impl.confirmation.ConfirmationService.ConfirmOutcome;
import dev.portcullis.impl.confirmation.ConfirmationService.SendOutcome;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.spi.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Email confirmation rules on the real collaborators and the test kit, without a server. */
class ConfirmationServiceTest {

  private static final Pattern CONFIRM_LINK =
      Pattern.compile(Pattern.quote(ServiceFixture.LINK_BASE) + "confirm/([\\w.-]+)");

  private static ServiceFixture confirmable(String within) {
    return ServiceFixture.with(
        Map.of("security.confirmable", "true", "security.confirm_email_within", within));
  }

  private static ConfirmationService service(ServiceFixture fx) {
    ConfirmationService service = new ConfirmationService();
    service.guard = CredentialGuard.disabled();
    service.users = fx.users;
    service.tokens = fx.confirmationTokens;
    service.emails = fx.emails;
    service.decoys = fx.decoys;
    service.mail = fx.accountMail;
    service.events = fx.publisher;
    service.messages = fx.messages;
    service.config = fx.account;
    service.clock = fx.clock;
    return service;
  }

  private static SendOutcome resend(ServiceFixture fx, String email) {
    return service(fx)
        .sendInstructions(ServiceFixture.form(List.of("email"), Map.of("email", email)), fx.links);
  }

  private static String mailedToken(ServiceFixture fx, String email) {
    assertThat(resend(fx, email)).isInstanceOf(SendOutcome.Sent.class);
    return fx.mail.extractFromLastTo(email, CONFIRM_LINK).orElseThrow();
  }

  @Test
  void sendInstructionsWhenUnconfirmedThenLinkMailed() {
    ServiceFixture fx = confirmable("5 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");

    assertThat(resend(fx, "ann@EXAMPLE.com")).isInstanceOf(SendOutcome.Sent.class);

    assertThat(fx.mail.lastTo("ann@example.com").orElseThrow().subject())
        .isEqualTo("Confirm your email address");
    assertThat(fx.mail.extractFromLastTo("ann@example.com", CONFIRM_LINK)).isPresent();
    assertThat(fx.events.of(ConfirmInstructionsSent.class))
        .extracting(e -> e.user().id())
        .containsExactly(ann.id());
  }

  @Test
  void sendInstructionsWhenAlreadyConfirmedThenRejectedAndNothingMailed() {
    ServiceFixture fx = confirmable("5 days");
    fx.user("ann@example.com", "a good password");

    assertThat(resend(fx, "ann@example.com"))
        .isEqualTo(
            new SendOutcome.Rejected(
                Map.of("email", List.of("Your email address is already confirmed."))));
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void sendInstructionsWhenUnknownThenRejectedUnlessGenericResponses() {
    assertThat(resend(confirmable("5 days"), "nobody@example.com"))
        .isEqualTo(
            new SendOutcome.Rejected(
                Map.of("email", List.of("No account matches this identity."))));

    ServiceFixture generic =
        ServiceFixture.with(
            Map.of("security.confirmable", "true", "security.return_generic_responses", "true"));
    assertThat(resend(generic, "nobody@example.com")).isInstanceOf(SendOutcome.Sent.class);
    assertThat(generic.mail.messages()).isEmpty();
  }

  @Test
  void confirmWhenTokenValidThenConfirmedAtTheClocksTime() {
    ServiceFixture fx = confirmable("5 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    Instant now = fx.clock.advance(Duration.ofHours(3));

    ConfirmOutcome outcome = service(fx).confirm(token, fx.links);

    assertThat(outcome).isInstanceOf(ConfirmOutcome.Confirmed.class);
    assertThat(fx.reload(ann).confirmedAt()).isEqualTo(now);
    assertThat(fx.events.of(UserConfirmed.class)).hasSize(1);
  }

  @Test
  void confirmWhenAlreadyConfirmedThenAlreadyConfirmedAndTimeKept() {
    ServiceFixture fx = confirmable("5 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    service(fx).confirm(token, fx.links);
    Instant first = fx.reload(ann).confirmedAt();
    fx.clock.advance(Duration.ofMinutes(1));

    ConfirmOutcome again = service(fx).confirm(token, fx.links);

    assertThat(again).isInstanceOf(ConfirmOutcome.AlreadyConfirmed.class);
    assertThat(fx.reload(ann).confirmedAt()).isEqualTo(first);
    assertThat(fx.events.of(UserConfirmed.class)).hasSize(1);
  }

  @Test
  void confirmWhenOlderThanConfirmEmailWithinThenExpiredAndAWorkingLinkMailed() {
    ServiceFixture fx = confirmable("1 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    fx.clock.advance(Duration.ofDays(1).plusSeconds(1));

    ConfirmOutcome outcome = service(fx).confirm(token, fx.links);

    assertThat(outcome).isInstanceOf(ConfirmOutcome.Expired.class);
    assertThat(fx.reload(ann).confirmedAt()).isNull();
    assertThat(fx.mail.messagesTo("ann@example.com")).hasSize(2);
    String fresh = fx.mail.extractFromLastTo("ann@example.com", CONFIRM_LINK).orElseThrow();
    assertThat(service(fx).confirm(fresh, fx.links)).isInstanceOf(ConfirmOutcome.Confirmed.class);
  }

  @Test
  void confirmWhenJustWithinConfirmEmailWithinThenConfirmed() {
    ServiceFixture fx = confirmable("1 days");
    fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    fx.clock.advance(Duration.ofDays(1).minusSeconds(1));

    assertThat(service(fx).confirm(token, fx.links)).isInstanceOf(ConfirmOutcome.Confirmed.class);
  }

  @Test
  void confirmWhenExpiredButConfirmedMeanwhileThenAlreadyConfirmedAndNothingMailed() {
    ServiceFixture fx = confirmable("1 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    fx.users.setConfirmedAt(ann.id(), ServiceFixture.START);
    fx.clock.advance(Duration.ofDays(2));

    assertThat(service(fx).confirm(token, fx.links))
        .isInstanceOf(ConfirmOutcome.AlreadyConfirmed.class);
    assertThat(fx.mail.messages()).hasSize(1);
  }

  @Test
  void confirmWhenEmailChangedSinceThenInvalid() {
    ServiceFixture fx = confirmable("5 days");
    UserRecord ann = fx.unconfirmedUser("ann@example.com", "a good password");
    String token = mailedToken(fx, "ann@example.com");
    fx.users.changeEmail(ann.id(), "ann@new.example", null);

    assertThat(service(fx).confirm(token, fx.links)).isInstanceOf(ConfirmOutcome.Invalid.class);
    assertThat(fx.reload(ann).confirmedAt()).isNull();
  }

  @Test
  void confirmWhenNotATokenThenInvalid() {
    ServiceFixture fx = confirmable("5 days");

    assertThat(service(fx).confirm("not-a-token", fx.links))
        .isInstanceOf(ConfirmOutcome.Invalid.class);
    assertThat(service(fx).confirm("", fx.links)).isInstanceOf(ConfirmOutcome.Invalid.class);
  }
}
