package dev.portcullis.impl.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.AccountWork;
import dev.portcullis.impl.account.AccountWork.Work;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.confirmation.ConfirmationService.SendOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.throttle.CredentialGuard;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /confirm} with generic responses: an unknown or already confirmed account must cost
 * the same work as an unconfirmed one that gets the mail (issue 6, defect 10).
 */
class ConfirmationServiceTimingTest {

  private final AccountWork work = new AccountWork(Map.of());
  private final ConfirmationService service = service(work);

  private static ConfirmationService service(AccountWork work) {
    ConfirmationService service = new ConfirmationService();
    service.guard = CredentialGuard.disabled();
    service.users = work.users;
    service.tokens = new ConfirmationTokens(work.tokens, work.account);
    service.emails = AccountWork.construct(EmailValidator.class, work.account);
    service.decoys = work.decoys;
    service.mail = work.accountMail;
    service.events = work.events;
    service.messages = work.messages;
    service.config = work.account;
    service.clock = Clock.systemUTC();
    return service;
  }

  private Work send(String email) {
    return work.measure(
        () ->
            assertThat(
                    service.sendInstructions(
                        Form.read(FormData.of(Map.of("email", email)), List.of("email"), List.of()),
                        path -> "http://localhost/api/" + path))
                .isInstanceOf(SendOutcome.Sent.class));
  }

  @Test
  void sendInstructionsWhenUnknownOrConfirmedThenSameWorkAsUnconfirmed() {
    work.addUser("waiting@example.com", false, true);
    work.addUser("settled@example.com", true, true);

    Work known = send("waiting@example.com");

    assertThat(known.tokenSaltDraws()).isPositive();
    assertThat(known.outboxKinds()).as("known: mail queued").containsExactly("add");
    for (Work other : List.of(send("nobodyy@example.com"), send("settled@example.com"))) {
      assertThat(other.passwordSaltDraws())
          .as("password hashes")
          .isEqualTo(known.passwordSaltDraws());
      assertThat(other.tokenSaltDraws()).as("token-data hashes").isEqualTo(known.tokenSaltDraws());
      assertThat(other.outboxKinds())
          .as("outbox writes, none queued")
          .hasSameSizeAs(known.outboxKinds())
          .doesNotContain("add");
      assertThat(other.userWrites()).as("user writes").isEqualTo(known.userWrites());
    }
  }
}
