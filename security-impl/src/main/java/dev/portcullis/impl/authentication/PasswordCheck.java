package dev.portcullis.impl.authentication;

import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.password.VerifyResult;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a user's password and re-hashes it when its scheme or parameters are outdated
 * (Flask-Security {@code UserMixin.verify_and_update_password}, spec §6.4). A user without a
 * password costs a dummy hash, so timing does not reveal it.
 */
@ApplicationScoped
public class PasswordCheck {

  private PasswordHasher hasher;
  private UserStore users;

  /** For CDI. */
  protected PasswordCheck() {}

  @Inject
  PasswordCheck(PasswordHasher hasher, UserStore users) {
    this.hasher = hasher;
    this.users = users;
  }

  /** Whether {@code password} is the user's; stores a fresh hash when the old one is outdated. */
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
