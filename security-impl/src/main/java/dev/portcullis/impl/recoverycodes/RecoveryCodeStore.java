package dev.portcullis.impl.recoverycodes;

import java.util.List;

/**
 * Where a user's recovery codes are stored: Flask-Security's {@code mf_set_recovery_codes} and
 * {@code mf_delete_recovery_code} on the {@code mf_recovery_codes} column (read through {@code
 * UserRecord.mfRecoveryCodes()}). The default is {@link JpaRecoveryCodeStore}; an application with
 * its own user store replaces it with an {@code @Alternative @Priority(...)} bean.
 */
public interface RecoveryCodeStore {

  /** Replaces the user's codes with {@code stored}; false when the user does not exist. */
  boolean replace(long userId, List<String> stored);

  /**
   * Replaces the user's codes with {@code remaining} only if they are still {@code expected},
   * atomically across nodes: of two requests redeeming the same code, one wins.
   */
  boolean replaceIfUnchanged(long userId, List<String> expected, List<String> remaining);
}
