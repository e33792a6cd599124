package dev.portcullis.impl.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.UserNotRegistered;
import dev.portcullis.event.UserRegistered;
import dev.portcullis.impl.account.ServiceFixture;
import dev.portcullis.impl.account.UserBoundTokens;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Registration rules on the real collaborators and the test kit, without a server. */
class RegistrationServiceTest {

  private static final String PASSWORD = "correct horse battery";
  private static final Pattern CONFIRM_LINK =
      Pattern.compile(Pattern.quote(ServiceFixture.LINK_BASE) + "confirm/([\\w.-]+)");

  private static RegistrationService service(ServiceFixture fx) {
    RegistrationService service = new RegistrationService();
    service.guard = CredentialGuard.disabled();
    service.users = fx.users;
    service.hasher = fx.hasher;
    service.passwords = fx.passwords;
    service.decoys = fx.decoys;
    service.passwordPolicy = fx.passwordPolicy;
    service.usernamePolicy = fx.usernamePolicy;
    service.emails = fx.emails;
    service.confirmations = fx.confirmationTokens;
    service.mail = fx.accountMail;
    service.events = fx.publisher;
    service.messages = fx.messages;
    service.config = fx.account;
    service.unifiedSignin = fx.configuration.unifiedSignin();
    return service;
  }

  private static RegistrationOutcome register(ServiceFixture fx, String... fieldsAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return service(fx)
        .register(ServiceFixture.form(RegisterResource.FIELDS, values), false, fx.links);
  }

  private static Map<String, List<String>> rejected(RegistrationOutcome outcome) {
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Rejected.class);
    return ((RegistrationOutcome.Rejected) outcome).fieldErrors();
  }

  @Test
  void registerWhenPasswordNotRequiredAndNoneGivenThenUserWithoutPasswordAndEmailCodesSetUp() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of(
                "security.unified_signin", "true",
                "security.password_required", "false",
                "security.totp_secrets", "1=unit-test-wallet"));
    RegistrationService service = service(fx);
    List<String> enrolled = new java.util.ArrayList<>();
    service.usSetup =
        new dev.portcullis.impl.unifiedsignin.UsSetupService() {
          @Override
          public void enrolEmail(UserRecord user) {
            enrolled.add(user.email());
          }
        };

    RegistrationOutcome outcome =
        service.register(
            ServiceFixture.form(RegisterResource.FIELDS, Map.of("email", "nopw@example.com")),
            false,
            fx.links);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(fx.users.all().get(0).password()).isNull();
    assertThat(enrolled).as("the mailed code is the way in").containsExactly("nopw@example.com");
  }

  @Test
  void registerWhenPasswordRequiredThenMissingPasswordRejected() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of("security.unified_signin", "true", "security.totp_secrets", "1=unit-test"));

    assertThat(rejected(register(fx, "email", "pw@example.com")))
        .containsEntry("password", List.of("Please enter a password."));
    assertThat(fx.users.all()).isEmpty();
  }

  @Test
  void registerWhenNewEmailThenUserCreatedWithBcryptHashSignedInAndWelcomed() {
    ServiceFixture fx = ServiceFixture.defaults();

    RegistrationOutcome outcome = register(fx, "email", "Ann@EXAMPLE.com", "password", PASSWORD);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(((RegistrationOutcome.Registered) outcome).login()).isTrue();
    UserRecord ann = fx.users.all().get(0);
    assertThat(ann.email()).isEqualTo("Ann@example.com");
    assertThat(ann.active()).isTrue();
    assertThat(ann.confirmedAt()).isNull();
    assertThat(ann.password()).startsWith("$2b$04$");
    assertThat(fx.hasher.verify(PASSWORD, ann.password()).ok()).isTrue();
    MailMessage welcome = fx.mail.lastTo("Ann@example.com").orElseThrow();
    assertThat(welcome.subject()).isEqualTo("Your new account");
    assertThat(welcome.textBody()).doesNotContain("/confirm/");
    assertThat(fx.events.of(UserRegistered.class))
        .singleElement()
        .satisfies(e -> assertThat(e.user().email()).isEqualTo("Ann@example.com"));
  }

  @Test
  void registerWhenConfirmableThenNotSignedInAndWelcomeCarriesAWorkingConfirmationLink() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.confirmable", "true"));

    RegistrationOutcome outcome = register(fx, "email", "ann@example.com", "password", PASSWORD);

    assertThat(((RegistrationOutcome.Registered) outcome).login()).isFalse();
    String token = fx.mail.extractFromLastTo("ann@example.com", CONFIRM_LINK).orElseThrow();
    assertThat(fx.confirmationTokens.check(token))
        .isInstanceOfSatisfying(
            UserBoundTokens.Status.Valid.class,
            valid -> assertThat(valid.user().email()).isEqualTo("ann@example.com"));
    assertThat(fx.events.of(UserRegistered.class).get(0).confirmationRequired()).isTrue();
  }

  @Test
  void registerWhenConfirmableButLoginWithoutConfirmationThenSignedIn() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of("security.confirmable", "true", "security.login_without_confirmation", "true"));

    RegistrationOutcome outcome = register(fx, "email", "ann@example.com", "password", PASSWORD);

    assertThat(((RegistrationOutcome.Registered) outcome).login()).isTrue();
  }

  @Test
  void registerWhenEmailTakenInOtherCaseThenRejectedOnEmailAndNothingCreatedOrMailed() {
    ServiceFixture fx = ServiceFixture.defaults();
    UserRecord ann = fx.user("ann@example.com", "the first password");

    Map<String, List<String>> errors =
        rejected(register(fx, "email", "ANN@example.com", "password", PASSWORD));

    assertThat(errors)
        .containsExactly(
            Map.entry("email", List.of("ANN@example.com already belongs to an account.")));
    assertThat(fx.users.all()).containsExactly(ann);
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void registerWhenPasswordTooShortThenRejectedOnPasswordAndNothingCreated() {
    ServiceFixture fx = ServiceFixture.defaults();

    Map<String, List<String>> errors =
        rejected(register(fx, "email", "ann@example.com", "password", "seven77"));

    assertThat(errors)
        .containsExactly(
            Map.entry("password", List.of("The password needs at least 8 characters.")));
    assertThat(fx.users.all()).isEmpty();
  }

  @Test
  void registerWhenConfirmationDiffersThenRetypeMismatch() {
    ServiceFixture fx = ServiceFixture.defaults();

    Map<String, List<String>> errors =
        rejected(
            register(
                fx,
                "email",
                "ann@example.com",
                "password",
                PASSWORD,
                "password_confirm",
                PASSWORD + "!"));

    assertThat(errors)
        .containsExactly(
            Map.entry("password_confirm", List.of("The two passwords are not the same.")));
  }

  @Test
  void registerWhenEmailAndPasswordMissingOrInvalidThenEveryFieldReported() {
    ServiceFixture fx = ServiceFixture.defaults();

    assertThat(rejected(register(fx)))
        .containsOnly(
            Map.entry("email", List.of("Please enter an email address.")),
            Map.entry("password", List.of("Please enter a password.")));
    assertThat(rejected(register(fx, "email", "not-an-address", "password", PASSWORD)))
        .containsExactly(Map.entry("email", List.of("This is not a valid email address.")));
  }

  @Test
  void registerWhenGenericResponsesAndEmailTakenThenLooksRegisteredAndOwnerIsMailed() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of("security.return_generic_responses", "true", "security.recoverable", "true"));
    UserRecord ann = fx.user("ann@example.com", "the first password");

    RegistrationOutcome outcome = register(fx, "email", "ANN@example.com", "password", PASSWORD);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.LooksRegistered.class);
    assertThat(fx.users.all()).containsExactly(ann);
    MailMessage notice = fx.mail.lastTo("ann@example.com").orElseThrow();
    assertThat(notice.subject()).isEqualTo("Your new account");
    assertThat(notice.textBody()).contains(ServiceFixture.LINK_BASE + "reset");
    assertThat(fx.events.of(UserNotRegistered.class)).hasSize(1);
    assertThat(fx.events.of(UserRegistered.class)).isEmpty();
  }

  @Test
  void registerWhenGenericResponsesAndUsernameTakenThenLooksRegisteredAndNewAddressIsMailed() {
    ServiceFixture fx =
        ServiceFixture.with(
            Map.of(
                "security.return_generic_responses", "true", "security.username_enable", "true"));
    fx.users.create(
        new NewUser("ann@example.com", "annie", fx.hasher.hash(PASSWORD), true, null, Set.of()));

    RegistrationOutcome outcome =
        register(fx, "email", "bob@example.com", "password", PASSWORD, "username", "Annie");

    assertThat(outcome).isInstanceOf(RegistrationOutcome.LooksRegistered.class);
    assertThat(fx.users.findByIdentity(IdentityAttribute.EMAIL, "bob@example.com", true)).isEmpty();
    assertThat(fx.mail.lastTo("bob@example.com")).isPresent();
    assertThat(fx.mail.lastTo("ann@example.com")).isEmpty();
  }

  /**
   * Flask's {@code register_existing} squashes the "already associated" errors in generic mode even
   * when other fields have errors: otherwise a deliberately weak password reveals the account.
   */
  @Test
  void registerWhenGenericResponsesAndEmailTakenAndPasswordWeakThenOnlyThePasswordError() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.return_generic_responses", "true"));
    fx.user("ann@example.com", "the first password");

    Map<String, List<String>> errors =
        rejected(register(fx, "email", "ann@example.com", "password", "seven77"));

    assertThat(errors)
        .containsExactly(
            Map.entry("password", List.of("The password needs at least 8 characters.")));
    assertThat(fx.mail.messages()).isEmpty();
  }

  @Test
  void registerWhenGenericResponsesAndEmailNewThenRegisteredAsUsual() {
    ServiceFixture fx = ServiceFixture.with(Map.of("security.return_generic_responses", "true"));

    RegistrationOutcome outcome = register(fx, "email", "ann@example.com", "password", PASSWORD);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(fx.users.all()).hasSize(1);
  }
}
