package dev.portcullis.impl.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessDecisionTest {

  static final AuthenticationConfig CONFIG =
      new SecurityConfiguration(MapConfig.valid(Map.of())).authentication();
  static final AccessDecision DECISION =
      new AccessDecision(
          CONFIG, Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void checkWhenRolesRequiredAndUserHasAllThenAllowed() {
    AccessRule rule = rule(true, Set.of("admin", "auditor"), Set.of(), Set.of(), Set.of());
    assertThat(
            DECISION.check(
                rule, request(user(Set.of("admin", "auditor"), Set.of()), Mechanism.TOKEN)))
        .isEmpty();
  }

  @Test
  void checkWhenRolesRequiredAndOneMissingThenUnauthorized() {
    AccessRule rule = rule(true, Set.of("admin", "auditor"), Set.of(), Set.of(), Set.of());
    assertThat(DECISION.check(rule, request(user(Set.of("admin"), Set.of()), Mechanism.TOKEN)))
        .contains(Reason.UNAUTHORIZED);
  }

  @Test
  void checkWhenRolesAcceptedAndUserHasOneThenAllowed() {
    AccessRule rule = rule(true, Set.of(), Set.of("admin", "editor"), Set.of(), Set.of());
    assertThat(DECISION.check(rule, request(user(Set.of("editor"), Set.of()), Mechanism.SESSION)))
        .isEmpty();
    assertThat(DECISION.check(rule, request(user(Set.of("user"), Set.of()), Mechanism.SESSION)))
        .contains(Reason.UNAUTHORIZED);
  }

  @Test
  void checkWhenPermissionsRequiredThenAllNeeded() {
    AccessRule rule = rule(true, Set.of(), Set.of(), Set.of("a-read", "a-write"), Set.of());
    assertThat(
            DECISION.check(
                rule, request(user(Set.of(), Set.of("a-read", "a-write")), Mechanism.TOKEN)))
        .isEmpty();
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of("a-read")), Mechanism.TOKEN)))
        .contains(Reason.UNAUTHORIZED);
  }

  @Test
  void checkWhenPermissionsAcceptedThenAnyIsEnough() {
    AccessRule rule = rule(true, Set.of(), Set.of(), Set.of(), Set.of("a-read", "u-read"));
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of("u-read")), Mechanism.TOKEN)))
        .isEmpty();
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of("x")), Mechanism.TOKEN)))
        .contains(Reason.UNAUTHORIZED);
  }

  @Test
  void checkWhenAnonymousAndAuthRequiredThenUnauthenticated() {
    AccessRule rule = rule(true, Set.of("admin"), Set.of(), Set.of(), Set.of());
    assertThat(DECISION.check(rule, request(null, null))).contains(Reason.UNAUTHENTICATED);
  }

  @Test
  void checkWhenAnonymousAndOnlyRolesThenUnauthorizedLikeFlask() {
    AccessRule rule = rule(false, Set.of("admin"), Set.of(), Set.of(), Set.of());
    assertThat(DECISION.check(rule, request(null, null))).contains(Reason.UNAUTHORIZED);
  }

  @Test
  void checkWhenMechanismNotAcceptedThenUnauthenticated() {
    AccessRule rule = rule(true, Set.of(), Set.of(), Set.of(), Set.of());
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of()), Mechanism.BASIC)))
        .contains(Reason.UNAUTHENTICATED);
  }

  @Test
  void checkWhenAnonymousRequiredAndSignedInThenAnonymousRequired() {
    AccessRule rule =
        new AccessRule(false, Set.of(), -1, -1, Set.of(), Set.of(), Set.of(), Set.of(), true);
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of()), Mechanism.SESSION)))
        .contains(Reason.ANONYMOUS_REQUIRED);
    assertThat(DECISION.check(rule, request(null, null))).isEmpty();
  }

  @Test
  void checkWhenFreshnessRequiredAndNoSessionThenReauthenticationRequired() {
    AccessRule rule =
        new AccessRule(
            true, Set.of(Mechanism.TOKEN), 10, -1, Set.of(), Set.of(), Set.of(), Set.of(), false);
    assertThat(DECISION.check(rule, request(user(Set.of(), Set.of()), Mechanism.TOKEN)))
        .contains(Reason.REAUTHENTICATION_REQUIRED);
  }

  private static AccessRule rule(
      boolean auth,
      Set<String> rolesRequired,
      Set<String> rolesAccepted,
      Set<String> permsRequired,
      Set<String> permsAccepted) {
    return new AccessRule(
        auth, Set.of(), -1, -1, rolesRequired, rolesAccepted, permsRequired, permsAccepted, false);
  }

  private static UserRecord user(Set<String> roles, Set<String> permissions) {
    return new UserRecord(
        1,
        "a@example.com",
        null,
        "hash",
        true,
        "u1",
        "t1",
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        roles,
        permissions,
        null,
        null);
  }

  /** A request whose only behaviour is attributes (the decision reads nothing else here). */
  private static HttpServletRequest request(UserRecord user, Mechanism mechanism) {
    Map<String, Object> attributes = new HashMap<>();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                AccessDecisionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getAttribute" -> attributes.get((String) args[0]);
                      case "setAttribute" -> attributes.put((String) args[0], args[1]);
                      case "getSession" -> null;
                      default -> null;
                    });
    if (user != null) {
      attributes.put(Authentication.class.getName(), new Authentication(user, mechanism));
    }
    return request;
  }
}
