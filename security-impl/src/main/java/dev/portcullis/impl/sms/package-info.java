/**
 * Text messages with one-time codes (Flask-Security {@code phone_util.py} and {@code
 * sms_senders.py}, spec §2.9, §2.10): phone numbers validated and normalized to E.164 by
 * libphonenumber ({@link PhoneNumbers}), and the {@link dev.portcullis.spi.SmsSender}
 * implementations Portcullis ships — a provider's form-POST REST API ({@link HttpSmsSender},
 * Twilio's shape) and the development console ({@link ConsoleSmsSender}).
 */
package dev.portcullis.impl.sms;
