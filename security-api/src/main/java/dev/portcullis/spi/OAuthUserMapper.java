package dev.portcullis.spi;

import java.util.Optional;

/**
 * Maps the identity an OAuth / OpenID Connect provider vouched for to a user (Flask-Security's
 * {@code fetch_identity_cb} plus the datastore look-up). The default finds the user whose email is
 * exactly the provider's <em>verified</em> email, as Flask-Security does; an unverified or missing
 * email maps to nobody. Replace it to match on another field or to create users on first sign-in:
 *
 * <pre>{@code
 * @Alternative @Priority(100) @ApplicationScoped
 * public class CreatingMapper implements OAuthUserMapper {
 *   @Inject UserStore users;
 *
 *   public Optional<UserRecord> userFor(OAuthIdentity identity) {
 *     String email = identity.verifiedEmail().orElse(null);
 *     if (email == null) {
 *       return Optional.empty();
 *     }
 *     return users.findByIdentity(IdentityAttribute.EMAIL, email, false)
 *         .or(() -> users.create(new NewUser(email, null, null, true, Instant.now(), Set.of("user"))));
 *   }
 * }
 * }</pre>
 *
 * <p>The user returned still has to be active (and confirmed where confirmation is required); the
 * sign-in then goes through the same pipeline as a password login, second factor included.
 */
public interface OAuthUserMapper {

  /** The user {@code identity} belongs to; empty when it belongs to nobody. */
  Optional<UserRecord> userFor(OAuthIdentity identity);
}
