package dev.portcullis.impl.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.AccountWork;
import dev.portcullis.impl.account.AccountWork.Work;
import dev.portcullis.impl.account.EmailValidator;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.confirmation.ConfirmationTokens;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.throttle.CredentialGuard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /register} with generic responses: a taken email must cost the same work as a new
 * account (issue 6, defect 10) — the same hashes and as many committed writes.
 */
class RegistrationServiceTimingTest {

  private static final List<String> FIELDS =
      List.of("email", "password", "password_confirm", "username");

  private final AccountWork work = new AccountWork(Map.of());
  private final RegistrationService service = service(work);

  private static RegistrationService service(AccountWork work) {
    RegistrationService service = new RegistrationService();
    service.guard = CredentialGuard.disabled();
    service.users = work.users;
    service.hasher = work.hasher;
    service.passwords = AccountWork.construct(PasswordCheck.class, work.hasher, work.users);
    service.passwordPolicy = (password, context) -> List.of();
    service.usernamePolicy = new DefaultUsernamePolicy();
    service.emails = AccountWork.construct(EmailValidator.class, work.account);
    service.confirmations =
        AccountWork.construct(ConfirmationTokens.class, work.tokens, work.account);
    service.decoys = work.decoys;
    service.mail = work.accountMail;
    service.events = work.events;
    service.messages = work.messages;
    service.config = work.account;
    service.unifiedSignin = work.configuration.unifiedSignin();
    return service;
  }

  private Work register(String email, Class<? extends RegistrationOutcome> expected) {
    Form form =
        Form.read(
            FormData.of(Map.of("email", email, "password", "Battery-horse-42")), FIELDS, List.of());
    return work.measure(
        () ->
            assertThat(service.register(form, false, path -> "http://localhost/api/" + path))
                .isInstanceOf(expected));
  }

  @Test
  void registerWhenEmailTakenThenSameHashesAndAsManyWritesAsNewAccount() {
    work.addUser("taken0@example.com", false, true);

    Work created = register("fresh0@example.com", RegistrationOutcome.Registered.class);
    Work taken = register("taken0@example.com", RegistrationOutcome.LooksRegistered.class);

    assertThat(created.passwordSaltDraws()).isPositive();
    assertThat(created.tokenSaltDraws()).isPositive();
    assertThat(taken.passwordSaltDraws())
        .as("password hashes")
        .isEqualTo(created.passwordSaltDraws());
    assertThat(taken.tokenSaltDraws()).as("token-data hashes").isEqualTo(created.tokenSaltDraws());
    assertThat(created.userWrites()).containsExactly("create fresh0@example.com");
    assertThat(created.outboxKinds()).containsExactly("add");
    assertThat(taken.userWrites()).isEmpty();
    assertThat(taken.outboxKinds())
        .as("the owner's mail queued, plus a stand-in write for the account not created")
        .containsExactly("add", "rehearse");
  }
}
