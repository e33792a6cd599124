package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A two-factor code was mailed or texted to a user (Flask-Security's {@code tf_security_token_sent}
 * signal). Unlike Flask's signal it does not carry the code: a code in an event reaches every
 * observer and every log they write.
 *
 * <pre>{@code
 * void count(@ObservesAsync TwoFactorTokenSent e) { metrics.increment("tf.sent." + e.method()); }
 * }</pre>
 *
 * @param user the user
 * @param method {@code email} or {@code sms}
 * @param phoneNumber the number texted (E.164), {@code null} for mail
 */
public record TwoFactorTokenSent(SecurityUser user, String method, String phoneNumber) {}
