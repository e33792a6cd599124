package dev.portcullis.impl.authentication;

import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.password.VerifyResult;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a user's password and re-hashes it when its scheme or parameters are outdated
 * (Flask-Security {@code UserMixin.verify_and_update_password}, spec §6.4). A user without a
 * password costs a dummy hash, so timing does not reveal it.
 *
 * <p>{@link #check} is the one password check of every path (login, HTTP Basic through the identity
 * store, {@code /verify}, {@code /change}): it asks the throttle first ({@link CredentialGuard}),
 * counting a typed identity that names nobody like an account, so a locked account and an unknown
 * identity answer alike.
 */
@ApplicationScoped
public class PasswordCheck {

  private PasswordHasher hasher;
  private UserStore users;
  private CredentialGuard guard;

  /** What {@link #check} found. */
  public enum Outcome {
    /** The password is the user's. */
    VERIFIED,
    /** Unknown identity, no password, or a wrong one: counted as a failure. */
    WRONG,
    /** Not checked: too many failures lately (the request is marked to answer 429). */
    THROTTLED
  }

  /** For CDI. */
  protected PasswordCheck() {}

  @Inject
  PasswordCheck(PasswordHasher hasher, UserStore users, CredentialGuard guard) {
    this.hasher = hasher;
    this.users = users;
    this.guard = guard;
  }

  /** Without a throttle: for unit tests of the callers. */
  PasswordCheck(PasswordHasher hasher, UserStore users) {
    this(hasher, users, CredentialGuard.disabled());
  }

  /**
   * Checks {@code password} for {@code user}, or for {@code identity} when it names nobody (a dummy
   * hash then), unless the throttle refuses: then nothing is hashed, for a known and an unknown
   * identity alike.
   *
   * @param identity what the caller typed to name the user, for counting unknown identities
   */
  public Outcome check(Optional<UserRecord> user, String identity, String password) {
    ThrottleSubject subject =
        user.map(ThrottleSubject::password)
            .orElseGet(() -> ThrottleSubject.unknownIdentity(identity));
    if (guard.refuses(subject)) {
      return Outcome.THROTTLED;
    }
    boolean right;
    if (user.isPresent()) {
      right = verifyAndUpdate(user.get(), password);
    } else {
      hasher.equalizeTiming();
      right = false;
    }
    if (right) {
      guard.succeeded(subject);
      return Outcome.VERIFIED;
    }
    guard.failed(subject);
    return Outcome.WRONG;
  }

  /**
   * Whether {@code password} is the user's; stores a fresh hash when the old one is outdated. Not
   * throttled: secret checks of requests go through {@link #check}, or guard themselves with the
   * {@link CredentialGuard} (unified sign-in, where a passcode may be the password or a code).
   */
  public boolean verifyAndUpdate(UserRecord user, String password) {
    if (!user.hasPassword() || password == null) {
      hasher.equalizeTiming();
      return false;
    }
    VerifyResult result = hasher.verify(password, user.password());
    if (result.ok() && result.needsRehash()) {
      users.setPassword(user.id(), hasher.hash(password));
    }
    return result.ok();
  }

  /** Spends the time of one hash, for unknown users. */
  public void equalizeTiming() {
    hasher.equalizeTiming();
  }
}
