package dev.portcullis;

import java.util.Optional;

/**
 * The small facade application code uses: who is calling, and password hashing with the configured
 * scheme. Inject it anywhere.
 *
 * <pre>{@code
 * @Inject Security security;
 *
 * String who = security.currentUser().map(SecurityUser::email).orElse("anonymous");
 * String hash = security.hashPassword("s3cret-Password");
 * }</pre>
 */
public interface Security {

  /** The user authenticated for the current request, if any. */
  Optional<SecurityUser> currentUser();

  /** How the current request was authenticated, if it was. */
  Optional<Mechanism> currentMechanism();

  /**
   * Hashes a password with the configured scheme (Unicode-normalized and HMAC pre-hashed as
   * Flask-Security does), for storing through the {@code UserStore}.
   */
  String hashPassword(String password);

  /** Checks a password against a user's stored hash; {@code false} for users without one. */
  boolean verifyPassword(SecurityUser user, String password);

  /** Ends the current session (if any) and clears the remember-me cookie. */
  void logout();
}
