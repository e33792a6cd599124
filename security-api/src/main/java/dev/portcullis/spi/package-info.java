/**
 * Extension points: small interfaces with {@code @ApplicationScoped} defaults in {@code
 * security-impl} that an application replaces with {@code @Alternative @Priority(...)} beans.
 *
 * <pre>{@code
 * @Alternative @Priority(100) @ApplicationScoped
 * public class LdapUserStore implements UserStore { ... }
 * }</pre>
 */
package dev.portcullis.spi;
