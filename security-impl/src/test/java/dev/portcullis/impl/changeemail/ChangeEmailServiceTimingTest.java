package dev.portcullis.impl.changeemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.AccountWork;
import dev.portcullis.impl.account.AccountWork.Work;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.changeemail.ChangeEmailService.RequestOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /change-email} with generic responses: a new address that belongs to someone else
 * must cost the same work as a free one (issue 6, defect 10), or a signed-in user can probe which
 * addresses have accounts.
 */
class ChangeEmailServiceTimingTest {

  private final AccountWork work = new AccountWork(Map.of("security.change_email", "true"));
  private final ChangeEmailService service = service(work);

  private static ChangeEmailService service(AccountWork work) {
    ChangeEmailService service = new ChangeEmailService();
    service.guard = CredentialGuard.disabled();
    service.users = work.users;
    service.tokens = work.tokens;
    service.emails = AccountWork.construct(EmailValidator.class, work.account);
    service.mail = work.accountMail;
    service.events = work.events;
    service.messages = work.messages;
    service.config = work.account;
    service.clock = Clock.systemUTC();
    return service;
  }

  private Work request(UserRecord user, String email) {
    Form form = Form.read(FormData.of(Map.of("email", email)), List.of("email"), List.of());
    return work.measure(
        () ->
            assertThat(service.request(user, form, path -> "http://localhost/api/" + path))
                .isInstanceOf(RequestOutcome.Sent.class));
  }

  @Test
  void requestWhenAddressTakenThenSameWorkAsFreeAndNothingQueued() {
    UserRecord ann = work.addUser("ann@example.com", true, true);
    work.addUser("bob@example.com", true, true);

    Work free = request(ann, "new@example.com");
    Work taken = request(ann, "bob@example.com");

    assertThat(free.tokenSaltDraws()).isPositive();
    assertThat(free.outboxKinds()).containsExactly("add");
    assertThat(taken.passwordSaltDraws()).as("password hashes").isEqualTo(free.passwordSaltDraws());
    assertThat(taken.tokenSaltDraws()).as("token-data hashes").isEqualTo(free.tokenSaltDraws());
    assertThat(taken.outboxKinds()).as("outbox writes, none queued").containsExactly("rehearse");
    assertThat(work.events.published).hasSize(1);
  }
}
