package dev.portcullis.impl.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.password.PasswordHasher;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Basic path from the mechanism to the identity store, with a real (cheap) hasher. */
class CredentialAuthenticationTest {

  static final SecurityConfiguration CONFIG =
      new SecurityConfiguration(
          MapConfig.valid(Map.of("security.password_hash_passlib_options", "bcrypt__rounds=4")));
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
  final Map<String, Object> attributes = new HashMap<>();
  final List<String> sessionCalls = new ArrayList<>();
  final HttpServletRequest request = request();

  @BeforeEach
  void seed() {
    users.add(
        1,
        "ann@example.com",
        null,
        hasher.hash(PASSWORD),
        true,
        Instant.parse("2026-01-01T00:00:00Z"),
        Set.of("admin"));
    random.reset();
  }

  @Test
  void authenticateWhenBasicForUnknownIdentityThenRefusedAfterDummyHash() {
    var caller = basic(store::validate, "nobody@example.com", PASSWORD);
    assertThat(caller).isEmpty();
    assertThat(random.draws()).as("the dummy hash of an unknown identity").isPositive();
    assertThat(Authentication.of(request)).isEmpty();
  }

  @Test
  void authenticateWhenBasicWithWrongPasswordThenRefused() {
    assertThat(basic(store::validate, "ann@example.com", "wrong")).isEmpty();
    assertThat(Authentication.of(request)).isEmpty();
  }

  @Test
  void authenticateWhenBasicCorrectThenBasicCallerWithRolesAndNoSession() {
    var caller = basic(store::validate, "ann@example.com", PASSWORD);
    assertThat(caller).isPresent();
    assertThat(caller.get().principal().getName()).isEqualTo("ann@example.com");
    assertThat(caller.get().groups()).containsExactly("admin");
    assertThat(Authentication.of(request).orElseThrow().mechanism()).isEqualTo(Mechanism.BASIC);
    assertThat(sessionCalls).as("Basic never touches the session").isEmpty();
  }

  @Test
  void authenticateWhenOtherStoreValidatesPortcullisUserThenGroupsCombined() {
    IdentityStoreHandler ldap =
        credential ->
            new CredentialValidationResult(
                new CallerPrincipal("ann@example.com"), Set.of("ldap-staff"));
    var caller = basic(ldap, "ann@example.com", "ldap password");
    assertThat(caller).isPresent();
    assertThat(caller.get().groups()).containsExactlyInAnyOrder("admin", "ldap-staff");
  }

  @Test
  void authenticateWhenOtherStoreValidatesStrangerThenRefused() {
    IdentityStoreHandler foreign =
        credential -> new CredentialValidationResult(new CallerPrincipal("stranger"));
    assertThat(basic(foreign, "stranger", "x")).isEmpty();
    assertThat(Authentication.of(request)).isEmpty();
  }

  private java.util.Optional<CredentialAuthentication.Caller> basic(
      IdentityStoreHandler handler, String identity, String password) {
    CredentialAuthentication credentials = new CredentialAuthentication(handler, store);
    return credentials
        .check(new UsernamePasswordCredential(identity, password))
        .map(checked -> credentials.attachBasic(checked, request));
  }

  /** A request with attributes; session access is recorded. */
  private HttpServletRequest request() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  case "getSession", "changeSessionId" -> {
                    sessionCalls.add(method.getName());
                    yield null;
                  }
                  default -> null;
                });
  }
}
