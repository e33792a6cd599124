package dev.portcullis.impl.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.AccountWork;
import dev.portcullis.impl.account.AccountWork.Work;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.recovery.RecoveryService.ForgotOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.throttle.CredentialGuard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /reset} with generic responses: an unknown, unconfirmed or inactive account must cost
 * the same work as a real one (issue 6, defect 10), so its time does not reveal it.
 */
class RecoveryServiceTimingTest {

  private final AccountWork work = new AccountWork(Map.of());
  private final RecoveryService service = service(work);

  private static RecoveryService service(AccountWork work) {
    RecoveryService service = new RecoveryService();
    service.guard = CredentialGuard.disabled();
    service.users = work.users;
    service.tokens = work.tokens;
    service.emails = AccountWork.construct(EmailValidator.class, work.account);
    service.decoys = work.decoys;
    service.hasher = work.hasher;
    service.policy = (password, context) -> List.of();
    service.mail = work.accountMail;
    service.events = work.events;
    service.messages = work.messages;
    service.config = work.account;
    return service;
  }

  private Work forgot(String email) {
    return work.measure(
        () ->
            assertThat(
                    service.forgot(
                        Form.read(FormData.of(Map.of("email", email)), List.of("email"), List.of()),
                        path -> "http://localhost/api/" + path))
                .isInstanceOf(ForgotOutcome.Sent.class));
  }

  @Test
  void forgotWhenUnknownEmailThenSameHashingAndOutboxWorkAsKnown() {
    work.addUser("known@example.com", true, true);

    Work known = forgot("known@example.com");
    Work unknown = forgot("ghost@example.com");

    assertThat(known.tokenSaltDraws()).isPositive();
    assertSameWork(known, unknown);
  }

  @Test
  void forgotWhenUnconfirmedOrInactiveThenSameWorkAsKnownAndNothingQueued() {
    work.addUser("known@example.com", true, true);
    work.addUser("unconf@example.com", false, true);
    work.addUser("passive@example.com", true, false);

    Work known = forgot("known@example.com");

    assertSameWork(known, forgot("unconf@example.com"));
    assertSameWork(known, forgot("passive@example.com"));
  }

  private static void assertSameWork(Work known, Work other) {
    assertThat(known.outboxKinds()).as("known: mail queued").containsExactly("add");
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
