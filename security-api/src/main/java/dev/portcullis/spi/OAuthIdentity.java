package dev.portcullis.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an OAuth / OpenID Connect provider says signed in, after Portcullis checked the answer
 * (state, PKCE, and for OpenID Connect the ID token's signature, issuer, audience, expiry and
 * nonce). An {@link OAuthUserMapper} turns it into a user.
 *
 * <pre>{@code
 * identity.verifiedEmail().flatMap(email -> users.findByIdentity(IdentityAttribute.EMAIL, email, false))
 * }</pre>
 *
 * @param provider the provider's configured name ({@code github}, {@code google}, ...)
 * @param subject the provider's stable id of the account ({@code sub}; GitHub's numeric id)
 * @param email the email the provider gave, if any
 * @param emailVerified whether the provider says it verified that email ({@code email_verified};
 *     GitHub: the address is a verified one of the account)
 * @param claims the remaining claims or profile fields as text (no tokens), for mappers that need
 *     more, e.g. {@code name}
 */
public record OAuthIdentity(
    String provider,
    String subject,
    Optional<String> email,
    boolean emailVerified,
    Map<String, String> claims) {

  /** Checks the parts and copies the claims. */
  public OAuthIdentity {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(email, "email");
    claims = Map.copyOf(claims);
  }

  /** The email, only when the provider verified it. */
  public Optional<String> verifiedEmail() {
    return emailVerified ? email : Optional.empty();
  }
}
