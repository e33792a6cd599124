package dev.portcullis.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user as the {@link UserStore} holds it: every field of Flask-Security's {@code fsqla_v3}
 * reference model plus {@code fs_token_uniquifier}, so an application can import a Flask-Security
 * user table unchanged.
 *
 * <p>Instances are immutable snapshots; change a user through the store's methods. {@code password}
 * is a passlib-format hash (or {@code null} for a user without a password) and must never be
 * logged.
 *
 * <pre>{@code
 * UserRecord user = userStore.findByUniquifier(uid).orElseThrow();
 * if (user.active() && user.roles().contains("admin")) { ... }
 * }</pre>
 *
 * @param id primary key
 * @param email normalized email address, unique
 * @param username normalized username, unique, may be {@code null}
 * @param password passlib hash string, {@code null} when the user has no password
 * @param active inactive users cannot authenticate by any means
 * @param fsUniquifier session and remember-me identity; rotating it ends every session
 * @param fsTokenUniquifier auth-token identity when set (survives password changes); for a user
 *     without one in an adopted Flask-Security table, its {@code fsUniquifier}, which is what
 *     Flask-Security binds tokens to for a model without that column
 * @param fsWebauthnUserHandle WebAuthn user handle
 * @param confirmedAt when the email was confirmed, {@code null} if never
 * @param lastLoginAt previous login time (tracking)
 * @param currentLoginAt latest login time (tracking)
 * @param lastLoginIp previous login address (tracking)
 * @param currentLoginIp latest login address (tracking)
 * @param loginCount number of logins (tracking)
 * @param tfPrimaryMethod two-factor method, {@code null} when not set up
 * @param tfTotpSecret two-factor TOTP secret (encrypted JSON)
 * @param tfPhoneNumber two-factor SMS number as typed
 * @param usTotpSecrets unified sign-in secrets (JSON object text)
 * @param usPhoneNumber unified sign-in phone number in E.164, unique
 * @param mfRecoveryCodes recovery codes (possibly encrypted), empty when none
 * @param roles names of the user's roles
 * @param permissions union of the permissions of the user's roles
 * @param createDatetime creation time
 * @param updateDatetime last change time
 */
public record UserRecord(
    long id,
    String email,
    String username,
    String password,
    boolean active,
    String fsUniquifier,
    String fsTokenUniquifier,
    String fsWebauthnUserHandle,
    Instant confirmedAt,
    Instant lastLoginAt,
    Instant currentLoginAt,
    String lastLoginIp,
    String currentLoginIp,
    int loginCount,
    String tfPrimaryMethod,
    String tfTotpSecret,
    String tfPhoneNumber,
    String usTotpSecrets,
    String usPhoneNumber,
    List<String> mfRecoveryCodes,
    Set<String> roles,
    Set<String> permissions,
    Instant createDatetime,
    Instant updateDatetime) {

  /** Copies the collections so the record stays immutable. */
  public UserRecord {
    mfRecoveryCodes = mfRecoveryCodes == null ? List.of() : List.copyOf(mfRecoveryCodes);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
  }

  /** Whether the user has a password at all (users created for passwordless sign-in do not). */
  public boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  /** The non-secret view handed to application code and events. */
  public dev.portcullis.SecurityUser toSecurityUser() {
    return new dev.portcullis.SecurityUser(id, email, username, roles, permissions);
  }

  /** Redacts the password hash and secrets so a record can never leak them into a log. */
  @Override
  public String toString() {
    return "UserRecord[id=" + id + ", email=" + email + ", active=" + active + "]";
  }
}
