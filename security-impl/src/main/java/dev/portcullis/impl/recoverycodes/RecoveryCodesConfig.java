package dev.portcullis.impl.recoverycodes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Recovery-code settings (spec §2.11).
 *
 * @param enabled whether {@code /mf-recovery-codes} and {@code /mf-recovery} exist: {@code
 *     security.multi_factor_recovery_codes} together with two-factor, as in Flask-Security
 * @param count codes per generated set
 * @param fernetKeys Fernet keys, the first encrypts; empty = codes stored as they are
 * @param ttl maximum age of an encrypted code
 * @param codesTemplate the page that generates and shows codes
 * @param recoveryTemplate the page that takes a code at sign-in
 */
public record RecoveryCodesConfig(
    boolean enabled,
    int count,
    List<String> fernetKeys,
    Optional<Duration> ttl,
    String codesTemplate,
    String recoveryTemplate) {

  public RecoveryCodesConfig {
    fernetKeys = List.copyOf(fernetKeys);
  }

  /** Without the keys. */
  @Override
  public String toString() {
    return "RecoveryCodesConfig[enabled="
        + enabled
        + ", count="
        + count
        + ", keys="
        + fernetKeys.size()
        + ", ttl="
        + ttl
        + "]";
  }
}
