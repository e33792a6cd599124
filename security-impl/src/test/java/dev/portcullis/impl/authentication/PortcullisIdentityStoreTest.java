package dev.portcullis.impl.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.password.PasswordHasher;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortcullisIdentityStoreTest {

  static final SecurityConfiguration CONFIG =
      new SecurityConfiguration(
          MapConfig.valid(
              Map.of(
                  "security.password_hash_passlib_options", "bcrypt__rounds=4",
                  "security.username_enable", "true")));
  static final Instant CONFIRMED = Instant.parse("2026-01-01T00:00:00Z");
  static final String PASSWORD = "correct horse";

  final CountingRandom random = new CountingRandom();
  final PasswordHasher hasher = new PasswordHasher(CONFIG.password(), random);
  final InMemoryUsers users = new InMemoryUsers();
  final PortcullisIdentityStore store =
      new PortcullisIdentityStore(
          new IdentityResolver(users.store, CONFIG.authentication()),
          new PasswordCheck(hasher, users.store),
          users.store,
          true);

  @BeforeEach
  void seed() {
    users.add(1, "ann@example.com", "ann", hasher.hash(PASSWORD), true, CONFIRMED, Set.of("admin"));
    users.add(2, "ina@example.com", null, hasher.hash(PASSWORD), false, CONFIRMED, Set.of());
    users.add(3, "una@example.com", null, hasher.hash(PASSWORD), true, null, Set.of());
    users.add(4, "pat@example.com", null, null, true, CONFIRMED, Set.of());
    random.reset();
  }

  @Test
  void validateWhenCorrectPasswordThenValidWithPrincipalAndRolesAsGroups() {
    CredentialValidationResult result = store.validate(credential("ann@example.com", PASSWORD));
    assertThat(result.getStatus()).isEqualTo(Status.VALID);
    assertThat(result.getCallerPrincipal()).isInstanceOf(PortcullisPrincipal.class);
    assertThat(result.getCallerPrincipal().getName()).isEqualTo("ann@example.com");
    assertThat(((PortcullisPrincipal) result.getCallerPrincipal()).userId()).isEqualTo(1);
    assertThat(result.getCallerGroups()).containsExactly("admin");
    assertThat(result.getIdentityStoreId()).isEqualTo(PortcullisIdentityStore.STORE_ID);
  }

  @Test
  void validateWhenEmailInOtherCaseOrUsernameThenValid() {
    assertThat(store.validate(credential("ANN@Example.com", PASSWORD)).getStatus())
        .isEqualTo(Status.VALID);
    assertThat(store.validate(credential("ann", PASSWORD)).getStatus()).isEqualTo(Status.VALID);
  }

  @Test
  void validateWhenBasicAuthenticationCredentialThenValidatedToo() {
    String header =
        Base64.getEncoder()
            .encodeToString(("ann@example.com:" + PASSWORD).getBytes(StandardCharsets.US_ASCII));
    assertThat(store.validate(new BasicAuthenticationCredential(header)).getStatus())
        .isEqualTo(Status.VALID);
  }

  @Test
  void validateWhenWrongPasswordThenInvalid() {
    assertThat(store.validate(credential("ann@example.com", "wrong")).getStatus())
        .isEqualTo(Status.INVALID);
  }

  @Test
  void validateWhenUnknownIdentityThenInvalidAfterDummyHash() {
    assertThat(store.validate(credential("nobody@example.com", PASSWORD)).getStatus())
        .isEqualTo(Status.INVALID);
    assertThat(random.draws()).as("one dummy hash").isPositive();
  }

  @Test
  void validateWhenIdentityMalformedThenInvalidAfterDummyHash() {
    assertThat(store.validate(credential("not@an@email", PASSWORD)).getStatus())
        .isEqualTo(Status.INVALID);
    assertThat(random.draws()).isPositive();
  }

  @Test
  void validateWhenUserWithoutPasswordThenInvalidAfterDummyHash() {
    assertThat(store.validate(credential("pat@example.com", "")).getStatus())
        .isEqualTo(Status.INVALID);
    assertThat(random.draws()).isPositive();
  }

  @Test
  void validateWhenInactiveOrUnconfirmedThenInvalidLikeWrongPassword() {
    assertThat(store.validate(credential("ina@example.com", PASSWORD)))
        .isSameAs(CredentialValidationResult.INVALID_RESULT);
    assertThat(store.validate(credential("una@example.com", PASSWORD)))
        .isSameAs(CredentialValidationResult.INVALID_RESULT);
    assertThat(store.validate(credential("ann@example.com", "wrong")))
        .isSameAs(CredentialValidationResult.INVALID_RESULT);
  }

  @Test
  void validateWhenUnconfirmedAndConfirmationNotRequiredThenValid() {
    PortcullisIdentityStore lenient =
        new PortcullisIdentityStore(
            new IdentityResolver(users.store, CONFIG.authentication()),
            new PasswordCheck(hasher, users.store),
            users.store,
            false);
    assertThat(lenient.validate(credential("una@example.com", PASSWORD)).getStatus())
        .isEqualTo(Status.VALID);
  }

  @Test
  void validateWhenHashOutdatedThenRehashedAtConfiguredCost() {
    PasswordHasher costSix =
        new PasswordHasher(
            new SecurityConfiguration(
                    MapConfig.valid(
                        Map.of("security.password_hash_passlib_options", "bcrypt__rounds=6")))
                .password(),
            random);
    PortcullisIdentityStore stricter =
        new PortcullisIdentityStore(
            new IdentityResolver(users.store, CONFIG.authentication()),
            new PasswordCheck(costSix, users.store),
            users.store,
            true);
    assertThat(users.get(1).password()).startsWith("$2b$04$");
    assertThat(stricter.validate(credential("ann@example.com", PASSWORD)).getStatus())
        .isEqualTo(Status.VALID);
    assertThat(users.get(1).password()).startsWith("$2b$06$");
  }

  @Test
  void validateWhenNotAPasswordCredentialThenNotValidated() {
    Credential other = new Credential() {};
    assertThat(store.validate(other).getStatus()).isEqualTo(Status.NOT_VALIDATED);
  }

  @Test
  void userOfWhenOwnResultThenThatUser() {
    CredentialValidationResult result = store.validate(credential("ann", PASSWORD));
    assertThat(store.userOf(result)).get().extracting(u -> u.id()).isEqualTo(1L);
  }

  @Test
  void userOfWhenOtherStoreNamesPortcullisUserThenThatUserIfAllowed() {
    assertThat(store.userOf(foreign("ANN@example.com")))
        .get()
        .extracting(u -> u.id())
        .isEqualTo(1L);
    assertThat(store.userOf(foreign("ann"))).isPresent();
    assertThat(store.userOf(foreign("ina@example.com"))).as("inactive").isEmpty();
    assertThat(store.userOf(foreign("una@example.com"))).as("unconfirmed").isEmpty();
    assertThat(store.userOf(foreign("stranger"))).as("no Portcullis user").isEmpty();
  }

  @Test
  void userOfWhenNotValidThenEmpty() {
    assertThat(store.userOf(CredentialValidationResult.INVALID_RESULT)).isEmpty();
    assertThat(store.userOf(CredentialValidationResult.NOT_VALIDATED_RESULT)).isEmpty();
  }

  @Test
  void getCallerGroupsWhenResultNamesUserThenRolesElseNone() {
    assertThat(store.getCallerGroups(foreign("ann@example.com"))).containsExactly("admin");
    assertThat(store.getCallerGroups(foreign("stranger"))).isEmpty();
  }

  static UsernamePasswordCredential credential(String caller, String password) {
    return new UsernamePasswordCredential(caller, password);
  }

  static CredentialValidationResult foreign(String caller) {
    return new CredentialValidationResult(new CallerPrincipal(caller), Set.of("ldap-group"));
  }
}
