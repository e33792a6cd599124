package dev.portcullis.event;

import dev.portcullis.SecurityUser;

/**
 * A user signed out (Flask-Login's {@code user_logged_out} signal). Fired synchronously and
 * asynchronously after the session ended.
 *
 * <pre>{@code
 * void onLogout(@Observes UserLoggedOut e) { presence.remove(e.user().id()); }
 * }</pre>
 *
 * @param user who signed out
 */
public record UserLoggedOut(SecurityUser user) {}
