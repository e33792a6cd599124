package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.spi.IdentityAttribute;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the authentication mechanism.
 *
 * @param tokenQueryKey query parameter carrying an auth token
 * @param tokenHeader header carrying an auth token
 * @param tokenMaxAge maximum token age, empty = unlimited
 * @param tokenExpireWithin per-token expiry written into new tokens, empty = none
 * @param apiEnabledMethods mechanisms accepted where {@code @AuthRequired} names none
 * @param httpAuthRealm realm of {@code WWW-Authenticate}
 * @param identityAttributes ordered identity attributes (HTTP Basic, lookups)
 * @param rememberCookieName remember-me cookie name
 * @param rememberCookieDuration remember-me cookie lifetime
 * @param defaultRememberMe remember-me when the request does not say
 * @param freshness default freshness window (negative disables)
 * @param freshnessGrace grace period after a successful freshness check
 * @param proxyXForHops trusted proxies for the client address (0 = ignore X-Forwarded-For)
 * @param trackable whether logins are recorded
 * @param confirmationRequired unconfirmed users may not sign in (confirmable and not
 *     login-without-confirmation)
 */
public record AuthenticationConfig(
    String tokenQueryKey,
    String tokenHeader,
    Optional<Duration> tokenMaxAge,
    Optional<Duration> tokenExpireWithin,
    Set<Mechanism> apiEnabledMethods,
    String httpAuthRealm,
    List<IdentityAttribute> identityAttributes,
    String rememberCookieName,
    Duration rememberCookieDuration,
    boolean defaultRememberMe,
    Duration freshness,
    Duration freshnessGrace,
    int proxyXForHops,
    boolean trackable,
    boolean confirmationRequired) {

  /** Copies the collections. */
  public AuthenticationConfig {
    apiEnabledMethods = Set.copyOf(apiEnabledMethods);
    identityAttributes = List.copyOf(identityAttributes);
  }
}
