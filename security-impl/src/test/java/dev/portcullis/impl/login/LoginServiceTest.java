package dev.portcullis.impl.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.ServiceFixture;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Login credential rules on the real collaborators and the test kit, without a server. */
class LoginServiceTest {

  private static final String PASSWORD = "the right password";
  private static final String GENERIC =
      "Sign-in failed: the identity or the password/passcode is wrong.";

  private static LoginService service(ServiceFixture fx) {
    return new LoginService(fx.users, fx.passwords, fx.redirects, fx.messages, fx.login);
  }

  private static LoginOutcome login(ServiceFixture fx, String... fieldsAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    LoginForm form = LoginForm.from(FormData.of(values), fx.login.usernameEnable());
    return service(fx).authenticate(form, null, "app.example");
  }

  private static Map<String, List<String>> rejected(LoginOutcome outcome) {
    assertThat(outcome).isInstanceOf(LoginOutcome.Rejected.class);
    return ((LoginOutcome.Rejected) outcome).fieldErrors();
  }

  @Test
  void authenticateWhenRightPasswordThenAuthenticatedWithoutRememberOrNext() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", PASSWORD);

    LoginOutcome outcome = login(fx, "email", "ann@example.com", "password", PASSWORD);

    assertThat(outcome).isEqualTo(new LoginOutcome.Authenticated(ann, false, null));
  }

  @Test
  void authenticateWhenEmailInOtherCaseAndRememberSentThenAuthenticatedRemembered() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", PASSWORD);

    LoginOutcome outcome =
        login(fx, "email", " ANN@Example.COM ", "password", PASSWORD, "remember", "y");

    assertThat(outcome).isEqualTo(new LoginOutcome.Authenticated(ann, true, null));
  }

  @Test
  void authenticateWhenUnknownUserThenUserDoesNotExistOnEmail() {
    ServiceFixture fx = ServiceFixture.defaults();

    assertThat(rejected(login(fx, "email", "nobody@example.com", "password", PASSWORD)))
        .containsExactly(Map.entry("email", List.of("No account matches this identity.")));
  }

  @Test
  void authenticateWhenWrongPasswordThenInvalidPasswordAndHashKept() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", PASSWORD);

    assertThat(rejected(login(fx, "email", "ann@example.com", "password", "a wrong password")))
        .containsExactly(Map.entry("password", List.of("The password is wrong.")));
    assertThat(fx.reload(ann)).isEqualTo(ann);
  }

  @Test
  void authenticateWhenUserHasNoPasswordThenInvalidPassword() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.user("ann@example.com", null);

    assertThat(rejected(login(fx, "email", "ann@example.com", "password", "anything at all")))
        .containsExactly(Map.entry("password", List.of("The password is wrong.")));
  }

  @Test
  void authenticateWhenPasswordMissingOrEmailMalformedThenFieldErrorsBeforeAnyLookUp() {
    ServiceFixture fx = ServiceFixture.defaults();

    assertThat(rejected(login(fx, "email", "ann@example.com")))
        .containsExactly(Map.entry("password", List.of("Please enter a password.")));
    assertThat(rejected(login(fx, "email", "not an address", "password", PASSWORD)))
        .containsExactly(Map.entry("email", List.of("This is not a valid email address.")));
  }

  @Test
  void authenticateWhenUnconfirmedThenConfirmationRequiredOnlyAfterTheRightPassword() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.confirmable", "true"));
    fx.unconfirmedUser("ann@example.com", PASSWORD);

    assertThat(rejected(login(fx, "email", "ann@example.com", "password", "a wrong password")))
        .containsExactly(Map.entry("password", List.of("The password is wrong.")));
    assertThat(rejected(login(fx, "email", "ann@example.com", "password", PASSWORD)))
        .containsExactly(Map.entry("email", List.of("Please confirm your email address first.")));
  }

  @Test
  void authenticateWhenUnconfirmedButLoginWithoutConfirmationThenAuthenticated() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of("security.confirmable", "true", "security.login_without_confirmation", "true"));
    fx.unconfirmedUser("ann@example.com", PASSWORD);

    assertThat(login(fx, "email", "ann@example.com", "password", PASSWORD))
        .isInstanceOf(LoginOutcome.Authenticated.class);
  }

  @Test
  void authenticateWhenInactiveThenDisabledAccountOnlyAfterTheRightPassword() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.inactiveUser("ann@example.com", PASSWORD);

    assertThat(rejected(login(fx, "email", "ann@example.com", "password", "a wrong password")))
        .containsExactly(Map.entry("password", List.of("The password is wrong.")));
    assertThat(rejected(login(fx, "email", "ann@example.com", "password", PASSWORD)))
        .containsExactly(Map.entry("email", List.of("This account is disabled.")));
  }

  @Test
  void authenticateWhenGenericResponsesThenUnknownWrongPasswordAndInactiveLookTheSame() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.return_generic_responses", "true"));
    fx.user("ann@example.com", PASSWORD);
    fx.inactiveUser("bob@example.com", PASSWORD);
    Map<String, List<String>> expected = Map.of("", List.of(GENERIC));

    assertThat(rejected(login(fx, "email", "nobody@example.com", "password", PASSWORD)))
        .isEqualTo(expected);
    assertThat(rejected(login(fx, "email", "ann@example.com", "password", "a wrong password")))
        .isEqualTo(expected);
    assertThat(rejected(login(fx, "email", "bob@example.com", "password", PASSWORD)))
        .isEqualTo(expected);
  }

  @Test
  void authenticateWhenUsernameEnabledThenFindsByUsernameIgnoringCase() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.username_enable", "true"));
    UserRecord ann =
        fx.users
            .create(
                new NewUser(
                    "ann@example.com",
                    "annie",
                    fx.hasher.hash(PASSWORD),
                    true,
                    ServiceFixture.START,
                    Set.of()))
            .orElseThrow();

    assertThat(login(fx, "username", "Annie", "password", PASSWORD))
        .isEqualTo(new LoginOutcome.Authenticated(ann, false, null));
    assertThat(rejected(login(fx, "username", "nobody", "password", PASSWORD)))
        .containsExactly(Map.entry("username", List.of("No account matches this identity.")));
  }

  @Test
  void authenticateWhenNextIsRelativeThenKeptElseOtherHostRejected() {
    ServiceFixture fx = ServiceFixture.defaults();
    fx.user("ann@example.com", PASSWORD);

    assertThat(login(fx, "email", "ann@example.com", "password", PASSWORD, "next", "/account"))
        .isInstanceOfSatisfying(
            LoginOutcome.Authenticated.class, a -> assertThat(a.next()).isEqualTo("/account"));
    assertThat(
            rejected(
                login(
                    fx,
                    "email",
                    "ann@example.com",
                    "password",
                    PASSWORD,
                    "next",
                    "https://evil.example/")))
        .containsExactly(Map.entry("next", List.of("Redirects to other sites are not allowed.")));
  }

  @Test
  void authenticateWhenHashSchemeOutdatedThenRehashedWithTheCurrentScheme() {
    ServiceFixture fx = ServiceFixture.defaults();
    ServiceFixture legacy =
        ServiceFixture.with(
            Map.of(
                "security.password_hash", "pbkdf2_sha512",
                "security.password_hash_passlib_options", "pbkdf2_sha512__rounds=1000"));
    String oldHash = legacy.hasher.hash(PASSWORD);
    assertThat(oldHash).startsWith("$pbkdf2-sha512$1000$");
    UserRecord ann =
        fx.users
            .create(
                new NewUser("ann@example.com", null, oldHash, true, ServiceFixture.START, Set.of()))
            .orElseThrow();

    assertThat(login(fx, "email", "ann@example.com", "password", PASSWORD))
        .isInstanceOf(LoginOutcome.Authenticated.class);

    String newHash = fx.reload(ann).password();
    assertThat(newHash).startsWith("$2b$04$");
    assertThat(fx.hasher.verify(PASSWORD, newHash).ok()).isTrue();
  }
}
