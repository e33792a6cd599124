/**
 * Time-based one-time codes (RFC 6238) as Flask-Security uses them through passlib: the per-user
 * key ({@link TotpKey}), the codes it gives ({@link OneTimeCodes}, the one class on top of
 * aerogear-otp-java), checking a code in a window and refusing a counter already used ({@link
 * TotpCheck}), the stored form encrypted under {@code security.totp_secrets} ({@link TotpWallet},
 * passlib's {@code TOTP.to_json}/{@code from_source}) and the {@code otpauth://} URI an
 * authenticator app scans ({@link OtpAuthUri}).
 *
 * <p>Shared by two-factor sign-in, unified sign-in and their mailed and SMS codes.
 */
package dev.portcullis.impl.totp;
