package dev.portcullis.impl.login;

import java.util.Set;

/**
 * Settings of login, logout and re-authentication.
 *
 * @param usernameEnable whether the login form takes a username
 * @param emailIdentity whether email is an identity attribute
 * @param genericResponses answers that do not reveal whether an account exists
 * @param defaultRememberMe remember-me when the request does not say
 * @param backwardsCompatAuthToken return the auth token without {@code ?include_auth_token}
 * @param logoutMethods HTTP methods logout accepts
 * @param identityAttributeNames identity attribute names for {@code GET /login}
 * @param confirmationRequired unconfirmed users may not log in (confirmable and not
 *     login-without-confirmation)
 * @param maxRequestBytes largest accepted body
 */
public record LoginConfig(
    boolean usernameEnable,
    boolean emailIdentity,
    boolean genericResponses,
    boolean defaultRememberMe,
    boolean backwardsCompatAuthToken,
    Set<String> logoutMethods,
    java.util.List<String> identityAttributeNames,
    boolean confirmationRequired,
    int maxRequestBytes) {

  /** Copies the collections. */
  public LoginConfig {
    logoutMethods = Set.copyOf(logoutMethods);
    identityAttributeNames = java.util.List.copyOf(identityAttributeNames);
  }
}
