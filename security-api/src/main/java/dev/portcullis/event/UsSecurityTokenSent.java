package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A unified sign-in code was mailed or texted to a user (Flask-Security's {@code
 * us_security_token_sent} signal), while signing in, re-authenticating or setting a method up.
 * Unlike Flask's signal it carries neither the code nor the magic link: a code in an event reaches
 * every observer and every log they write.
 *
 * <pre>{@code
 * void count(@ObservesAsync UsSecurityTokenSent e) { metrics.increment("us.sent." + e.method()); }
 * }</pre>
 *
 * @param user the user
 * @param method {@code email} or {@code sms}
 * @param phoneNumber the number texted (E.164), {@code null} for mail
 * @param magicLink whether the mail also held a sign-in link ({@code /us-verify-link})
 */
public record UsSecurityTokenSent(
    SecurityUser user, String method, String phoneNumber, boolean magicLink) {}
