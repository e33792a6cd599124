/**
 * HTTP attributes of Portcullis' replies: the session and remember-me cookies' attributes ({@code
 * session.cookie_*}, {@code remember.cookie_*}, Flask's {@code SESSION_COOKIE_*} and {@code
 * REMEMBER_COOKIE_*}) and {@code Cache-Control: no-store} on the JSON API.
 */
package dev.portcullis.impl.http;
