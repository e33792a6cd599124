package dev.portcullis.impl.csrf;

import dev.portcullis.Mechanism;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF settings (Flask-WTF and Flask-Security spec §2.13, §7.9).
 *
 * @param enabled master switch ({@code wtf.csrf_enabled})
 * @param timeLimit lifetime of a token handed to a client
 * @param protectMechanisms mechanisms whose unsafe requests need a token
 * @param ignoreUnauthEndpoints skip the check for anonymous callers of login and the like
 * @param cookieName name of the readable CSRF cookie for SPAs, empty = none
 * @param cookieSameSite SameSite of that cookie
 * @param cookieSecure Secure flag of that cookie
 * @param header extra header accepted as carrier
 * @param refreshEachRequest re-send the cookie on every response
 */
public record CsrfConfig(
    boolean enabled,
    Duration timeLimit,
    Set<Mechanism> protectMechanisms,
    boolean ignoreUnauthEndpoints,
    Optional<String> cookieName,
    String cookieSameSite,
    boolean cookieSecure,
    String header,
    boolean refreshEachRequest) {

  /** Copies the set. */
  public CsrfConfig {
    protectMechanisms = Set.copyOf(protectMechanisms);
  }
}
