package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Reads and writes the {@link TwoFactorState} of a request's session. Flask's {@code
 * tf_clean_session} is {@link #clear}; a sign-in that completes renews the session and drops it
 * anyway.
 */
public final class TwoFactorStates {

  private TwoFactorStates() {}

  /** The state kept for {@code user} on this session, if any. */
  public static Optional<TwoFactorState> of(HttpServletRequest request, UserRecord user) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(SessionKeys.TWO_FACTOR) instanceof TwoFactorState state)
        || !state.uid().equals(user.fsUniquifier())) {
      return Optional.empty();
    }
    return Optional.of(state);
  }

  /** Keeps {@code state} on the session (creating one if needed). */
  public static void put(HttpServletRequest request, TwoFactorState state) {
    request.getSession(true).setAttribute(SessionKeys.TWO_FACTOR, state);
  }

  /**
   * Forgets the state together with the pending sign-in and its selection (Flask's {@code
   * tf_clean_session} drops {@code tf_user_id} too): after an illegal request the user starts over.
   */
  public static void clear(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SessionKeys.TWO_FACTOR);
      session.removeAttribute(SessionKeys.SIGNIN_SELECT);
      session.removeAttribute(SessionKeys.SIGNIN_PENDING);
    }
  }
}
