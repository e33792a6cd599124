/**
 * Unified sign-in (Flask-Security {@code unified_signin.py}, spec §1.2 #17–#23, §2.12, §5.8, §5.10,
 * §7.5): one endpoint for a password or a one-time code ({@link
 * dev.portcullis.impl.unifiedsignin.UsSigninResource}), magic links ({@link
 * dev.portcullis.impl.unifiedsignin.UsVerifyLinkResource}), adding and removing methods ({@link
 * dev.portcullis.impl.unifiedsignin.UsSetupResource}) and re-authentication ({@link
 * dev.portcullis.impl.unifiedsignin.UsVerifyResource}).
 *
 * <p>Every success ends in the sign-in pipeline ({@code signin}); codes come from {@code totp} and
 * are sent through two-factor's {@code CodeDelivery} limits; data lives in the user's {@code
 * us_totp_secrets} and {@code us_phone_number} columns ({@link
 * dev.portcullis.impl.unifiedsignin.UnifiedSigninStore}).
 *
 * <p>May use: {@code signin}, {@code totp}, {@code sms}, {@code twofactor} (code delivery and
 * authenticator set-up values), {@code token}, {@code links}, {@code events}, the store SPIs.
 */
package dev.portcullis.impl.unifiedsignin;
