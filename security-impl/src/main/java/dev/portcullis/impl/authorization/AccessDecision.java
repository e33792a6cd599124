package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the current request may pass an {@link AccessRule} (Flask-Security {@code
 * decorators.auth_required}, {@code roles_required}, {@code roles_accepted}, {@code
 * permissions_required}, {@code permissions_accepted}, {@code anonymous_user_required}).
 */
@ApplicationScoped
public class AccessDecision {

  private AuthenticationConfig config;
  private Clock clock;

  /** For CDI. */
  protected AccessDecision() {}

  @Inject
  AccessDecision(AuthenticationConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Empty when the request passes, else why it does not. */
  public Optional<Reason> check(AccessRule rule, HttpServletRequest request) {
    return check(rule, Authentication.of(request), request);
  }

  /**
   * The same for a request whose authentication the caller has already read ({@code request} is
   * then only asked for its session, and only by a rule with a freshness window).
   */
  public Optional<Reason> check(
      AccessRule rule, Optional<Authentication> authentication, HttpServletRequest request) {
    if (rule.anonymousRequired()) {
      return authentication.isPresent() ? Optional.of(Reason.ANONYMOUS_REQUIRED) : Optional.empty();
    }
    if (rule.authRequired()) {
      Optional<Reason> authn = checkAuthentication(rule, authentication, request);
      if (authn.isPresent()) {
        return authn;
      }
    }
    return checkAuthorization(rule, authentication.map(Authentication::user));
  }

  /**
   * The configured freshness check ({@code security.freshness}, {@code
   * security.freshness_grace_period}) for the current, authenticated request.
   */
  public boolean isFresh(HttpServletRequest request) {
    Optional<Authentication> authentication = Authentication.of(request);
    return authentication.isPresent()
        && Freshness.isFresh(
            authentication.get().mechanism(),
            authentication.get().user().fsUniquifier(),
            request.getSession(false),
            config.freshness(),
            config.freshnessGrace(),
            clock);
  }

  /** The mechanisms a rule accepts. */
  public Set<Mechanism> accepted(AccessRule rule) {
    return rule.mechanisms().isEmpty() ? config.apiEnabledMethods() : rule.mechanisms();
  }

  private Optional<Reason> checkAuthentication(
      AccessRule rule, Optional<Authentication> authentication, HttpServletRequest request) {
    if (authentication.isEmpty() || !accepted(rule).contains(authentication.get().mechanism())) {
      return Optional.of(Reason.UNAUTHENTICATED);
    }
    if (rule.withinMinutes() < 0) {
      return Optional.empty();
    }
    Duration within = Duration.ofMinutes(rule.withinMinutes());
    Duration grace =
        rule.graceMinutes() < 0 ? config.freshnessGrace() : Duration.ofMinutes(rule.graceMinutes());
    boolean fresh =
        Freshness.isFresh(
            authentication.get().mechanism(),
            authentication.get().user().fsUniquifier(),
            request.getSession(false),
            within,
            grace,
            clock);
    return fresh ? Optional.empty() : Optional.of(Reason.REAUTHENTICATION_REQUIRED);
  }

  private static Optional<Reason> checkAuthorization(AccessRule rule, Optional<UserRecord> user) {
    boolean constrained =
        !rule.rolesRequired().isEmpty()
            || !rule.rolesAccepted().isEmpty()
            || !rule.permissionsRequired().isEmpty()
            || !rule.permissionsAccepted().isEmpty();
    if (!constrained) {
      return Optional.empty();
    }
    // Like Flask-Security, a missing user fails role checks with 403, not 401.
    Set<String> roles = user.map(UserRecord::roles).orElse(Set.of());
    Set<String> permissions = user.map(UserRecord::permissions).orElse(Set.of());
    boolean allowed =
        roles.containsAll(rule.rolesRequired())
            && anyOrUnconstrained(roles, rule.rolesAccepted())
            && permissions.containsAll(rule.permissionsRequired())
            && anyOrUnconstrained(permissions, rule.permissionsAccepted());
    return allowed && user.isPresent() ? Optional.empty() : Optional.of(Reason.UNAUTHORIZED);
  }

  private static boolean anyOrUnconstrained(Set<String> held, Set<String> accepted) {
    return accepted.isEmpty() || !Collections.disjoint(held, accepted);
  }
}
