package dev.portcullis.impl.views;

import java.util.Optional;
import java.util.Set;

/**
 * Where browsers are sent, and which {@code next} targets are allowed.
 *
 * @param loginTemplate Faces view of the (password) login page, relative to the application
 * @param signInTemplate where browsers that must sign in are sent: the login page, or the unified
 *     sign-in page with {@code security.us_signin_replaces_login} (Flask-Security binds its login
 *     view to unified sign-in then). Kept apart from {@code loginTemplate} so each page still has
 *     exactly one page rule
 * @param verifyTemplate Faces view of the re-authentication page
 * @param usVerifyTemplate Faces view of re-authentication by password or code, where browsers that
 *     must re-authenticate go when unified sign-in is on; empty when it is off
 * @param postLoginView after login
 * @param postLogoutView after logout
 * @param postVerifyView after re-authentication, empty = post-login view
 * @param unauthorizedView for browsers lacking a role, empty = plain 403
 * @param allowSubdomains allow {@code next} on subdomains of {@code baseDomain}
 * @param baseDomain the base domain, empty = none
 * @param allowedSubdomains if non-empty, only these subdomains
 */
public record RedirectConfig(
    String loginTemplate,
    String signInTemplate,
    String verifyTemplate,
    Optional<String> usVerifyTemplate,
    String postLoginView,
    String postLogoutView,
    Optional<String> postVerifyView,
    Optional<String> unauthorizedView,
    boolean allowSubdomains,
    Optional<String> baseDomain,
    Set<String> allowedSubdomains) {

  /** Copies the set. */
  public RedirectConfig {
    allowedSubdomains = Set.copyOf(allowedSubdomains);
  }
}
