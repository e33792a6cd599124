package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A new account was created through registration (Flask-Security's {@code user_registered} signal).
 * Carries no token: read confirmation links from the mail. Fired synchronously and asynchronously
 * after the change is committed.
 *
 * <pre>{@code
 * void welcome(@ObservesAsync UserRegistered e) { crm.addLead(e.user().email()); }
 * }</pre>
 *
 * @param user the new user
 * @param confirmationRequired whether the user must confirm the email before signing in
 */
public record UserRegistered(SecurityUser user, boolean confirmationRequired) {}
