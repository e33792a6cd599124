/**
 * One immutable CDI event per Flask-Security signal, fired after the change is committed. Events
 * carry ids and non-secret facts, never passwords, tokens or codes.
 *
 * <pre>{@code
 * void welcome(@ObservesAsync UserAuthenticated e) { ... }
 * }</pre>
 */
package dev.portcullis.event;
