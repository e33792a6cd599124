package dev.portcullis.impl.account;

import java.text.Normalizer;
import java.time.Duration;

/**
 * Settings of the account lifecycle: registration, confirmation, recovery, password and email
 * change (Flask-Security spec §2.2, §2.7, §2.8, §2.14).
 *
 * @param registerable {@code /register} enabled
 * @param confirmable {@code /confirm} enabled; sign-in needs a confirmed email
 * @param recoverable {@code /reset} enabled
 * @param changeable {@code /change} enabled
 * @param changeEmail {@code /change-email} enabled
 * @param sendRegisterEmail mail the welcome message
 * @param sendPasswordChangeEmail mail a notice after a change
 * @param sendPasswordResetEmail mail reset instructions
 * @param sendPasswordResetNoticeEmail mail a notice after a reset
 * @param loginWithoutConfirmation allow sign-in before confirmation
 * @param autoLoginAfterConfirm sign in when the confirmation link is followed
 * @param autoLoginAfterReset sign in after a reset
 * @param confirmEmailWithin lifetime of confirmation links
 * @param resetPasswordWithin lifetime of reset links
 * @param changeEmailWithin lifetime of change-email links
 * @param usernameEnable usernames in use
 * @param usernameRequired registration needs a username
 * @param usernameMinLength shortest username
 * @param usernameMaxLength longest username
 * @param usernameNormalizeForm Unicode normalization of usernames, or {@code null}
 * @param passwordConfirmRequired JSON registration needs {@code password_confirm}
 * @param emailCheckDeliverability look up mail domains in DNS
 * @param genericResponses do not reveal whether an account exists
 */
public record AccountConfig(
    boolean registerable,
    boolean confirmable,
    boolean recoverable,
    boolean changeable,
    boolean changeEmail,
    boolean sendRegisterEmail,
    boolean sendPasswordChangeEmail,
    boolean sendPasswordResetEmail,
    boolean sendPasswordResetNoticeEmail,
    boolean loginWithoutConfirmation,
    boolean autoLoginAfterConfirm,
    boolean autoLoginAfterReset,
    Duration confirmEmailWithin,
    Duration resetPasswordWithin,
    Duration changeEmailWithin,
    boolean usernameEnable,
    boolean usernameRequired,
    int usernameMinLength,
    int usernameMaxLength,
    Normalizer.Form usernameNormalizeForm,
    boolean passwordConfirmRequired,
    boolean emailCheckDeliverability,
    boolean genericResponses) {

  /** Flask's {@code requires_confirmation}: confirmable and not login-without-confirmation. */
  public boolean confirmationRequired() {
    return confirmable && !loginWithoutConfirmation;
  }
}
