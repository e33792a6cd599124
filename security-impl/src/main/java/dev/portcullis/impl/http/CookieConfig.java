package dev.portcullis.impl.http;

/**
 * The cookie settings.
 *
 * @param session the servlet session cookie ({@code session.cookie_*}); its path and domain stay
 *     the container's
 * @param remember the remember-me cookie ({@code remember.cookie_*})
 */
public record CookieConfig(CookieAttributes session, CookieAttributes remember) {}
