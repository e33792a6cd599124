package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;
import java.util.Objects;

/**
 * Who proved their identity, how, and what they asked for: the input of {@link SignIn#complete}.
 *
 * @param user the user whose first factor succeeded (active, confirmed where required)
 * @param method how, in Flask-Security's {@code authn_via} words: {@code password}, {@code
 *     register}, {@code confirm}, {@code reset}, {@code change}, later {@code email}, {@code
 *     webauthn}, {@code oauth:github}, ...
 * @param remember whether to set the remember-me cookie
 * @param secondFactorApplies whether a set-up second factor must still be passed; false only when
 *     an already signed-in user's session is re-established (after changing the password)
 */
public record PrimaryAuthentication(
    UserRecord user, String method, boolean remember, boolean secondFactorApplies) {

  /** Checks the parts. */
  public PrimaryAuthentication {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(method, "method");
  }

  /** A first factor that a second factor may follow. */
  public static PrimaryAuthentication of(UserRecord user, String method, boolean remember) {
    return new PrimaryAuthentication(user, method, remember, true);
  }

  /**
   * The session of a signed-in user re-established after its credentials rotated (Flask-Security
   * logs the user in again after {@code /change}); no second factor is asked again.
   */
  public static PrimaryAuthentication renewal(UserRecord user, String method, boolean remember) {
    return new PrimaryAuthentication(user, method, remember, false);
  }
}
