package dev.portcullis.impl.twofactor;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a user is in two-factor sign-in or set-up (Flask-Security's session keys {@code tf_state},
 * {@code tf_primary_method}, {@code tf_totp_secret}, spec §7.1, §7.3), kept in the session under
 * {@code SessionKeys.TWO_FACTOR} and bound to the user it was made for.
 *
 * @param uid {@code fs_uniquifier} of the user; a state read for anyone else is no state
 * @param phase the state machine's state
 * @param method the method being set up ({@link Phase#VALIDATING_PROFILE}), else {@code null}
 * @param secret the new TOTP secret being set up, wallet-encrypted as Flask keeps it, else {@code
 *     null}
 * @param phone the number being set up for {@code sms} (E.164), else {@code null}
 * @param failures wrong codes entered in this state so far
 */
public record TwoFactorState(
    String uid, Phase phase, String method, String secret, String phone, int failures)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Wrong codes one state takes; then the user must start over (Flask sets no bound). */
  public static final int MAX_FAILURES = 5;

  public TwoFactorState {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(phase, "phase");
  }

  /** The state machine's states, named as Flask-Security's {@code tf_state} values. */
  public enum Phase {
    /** Signed in with the first factor, must set up a second one (two-factor required). */
    SETUP_FROM_LOGIN("setup_from_login"),
    /** A new method was chosen; its first code must confirm it. */
    VALIDATING_PROFILE("validating_profile"),
    /** Signed in with the first factor, must pass the second one set up before. */
    READY("ready");

    private final String wireName;

    Phase(String wireName) {
      this.wireName = wireName;
    }

    /** The {@code tf_state} value of the JSON API. */
    public String wireName() {
      return wireName;
    }
  }

  /** A state without a method being set up. */
  public static TwoFactorState of(String uid, Phase phase) {
    return new TwoFactorState(uid, phase, null, null, null, 0);
  }

  /** Whether this state has taken all the wrong codes it may. */
  public boolean exhausted() {
    return failures >= MAX_FAILURES;
  }

  /** The same state after one more wrong code. */
  public TwoFactorState failedOnce() {
    return new TwoFactorState(uid, phase, method, secret, phone, failures + 1);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "TwoFactorState[" + phase.wireName() + ", method=" + method + "]";
  }
}
