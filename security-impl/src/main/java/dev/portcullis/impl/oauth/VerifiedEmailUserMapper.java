package dev.portcullis.impl.oauth;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.OAuthIdentity;
import dev.portcullis.spi.OAuthUserMapper;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The default {@link OAuthUserMapper}: the user whose email is exactly the provider's verified
 * email (Flask-Security's built-in {@code fetch_identity_cb} returns {@code ("email", email)} and
 * looks it up case-sensitively). An unverified email maps to nobody: anyone can put any address on
 * an account at some providers, and it would sign them in as its owner here.
 */
@ApplicationScoped
public class VerifiedEmailUserMapper implements OAuthUserMapper {

  private UserStore users;

  /** For CDI. */
  protected VerifiedEmailUserMapper() {}

  @Inject
  public VerifiedEmailUserMapper(UserStore users) {
    this.users = users;
  }

  @Override
  public Optional<UserRecord> userFor(OAuthIdentity identity) {
    return identity
        .verifiedEmail()
        .flatMap(email -> users.findByIdentity(IdentityAttribute.EMAIL, email, false));
  }
}
