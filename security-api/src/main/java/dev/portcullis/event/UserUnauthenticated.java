package dev.portcullis.event;

/**
 * A request to a protected resource was rejected for lack of authentication (Flask-Security's
 * {@code user_unauthenticated} signal).
 *
 * <pre>{@code
 * void count(@ObservesAsync UserUnauthenticated e) { metrics.increment("unauthenticated", e.path()); }
 * }</pre>
 *
 * @param path the request path that was rejected (no query string, so no token can leak)
 */
public record UserUnauthenticated(String path) {}
