package dev.portcullis.impl.webauthn;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified credential about to be stored, with what the user chose for it.
 *
 * @param verified what the relying party verified
 * @param name the nickname
 * @param usage {@code first} or {@code secondary}
 * @param userHandle the {@code fs_webauthn_user_handle} the creation options carried; stored on the
 *     user when the user had none
 * @param now creation and last-use time
 */
public record NewCredential(
    RegistrationOutcome.Verified verified,
    String name,
    String usage,
    String userHandle,
    Instant now) {

  /** Checks the parts. */
  public NewCredential {
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(userHandle, "userHandle");
    Objects.requireNonNull(now, "now");
  }

  /** Flask's {@code device_type}: {@code multi_device} for a backup-eligible credential. */
  public String deviceType() {
    return verified.backupEligible() ? "multi_device" : "single_device";
  }
}
