package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who calls a two-factor endpoint: a signed-in user (changing their method), or a user whose first
 * factor passed and whose sign-in is pending on the session (Flask's {@code tf_user_id}).
 *
 * @param user the user
 * @param pending the pending sign-in; empty when the caller is signed in
 */
public record TwoFactorCaller(UserRecord user, Optional<PendingSignIn> pending) {

  /** The caller of {@code request}, if either kind. */
  public static Optional<TwoFactorCaller> of(HttpServletRequest request, SignIn signIn) {
    Optional<Authentication> authentication = Authentication.of(request);
    if (authentication.isPresent()) {
      return Optional.of(new TwoFactorCaller(authentication.get().user(), Optional.empty()));
    }
    return signIn
        .pending(request)
        .map(pending -> new TwoFactorCaller(pending.user(), Optional.of(pending)));
  }

  /** Whether the caller is signed in (and so changes their own setup). */
  public boolean signedIn() {
    return pending.isEmpty();
  }

  /** The caller's two-factor state on the session. */
  public Optional<TwoFactorState> state(HttpServletRequest request) {
    return TwoFactorStates.of(request, user);
  }
}
