package dev.portcullis.impl.authentication;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Resolves an identity string to a user with the configured identity attributes (Flask-Security
 * §7.11): the first attribute whose mapper accepts the string decides the column, and only that
 * column is searched, case-insensitively.
 */
@ApplicationScoped
public class IdentityResolver {

  private UserStore users;
  private AuthenticationConfig config;

  /** For CDI. */
  protected IdentityResolver() {}

  /** For CDI, and for callers outside a container (the command-line tool). */
  @Inject
  public IdentityResolver(UserStore users, AuthenticationConfig config) {
    this.users = users;
    this.config = config;
  }

  /** The user the identity names, if any. */
  public Optional<UserRecord> resolve(String identity) {
    if (identity == null || identity.isBlank() || identity.length() > 320) {
      return Optional.empty();
    }
    for (IdentityAttribute attribute : config.identityAttributes()) {
      Optional<String> mapped = map(attribute, identity);
      if (mapped.isPresent()) {
        return users.findByIdentity(attribute, mapped.get(), true);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> map(IdentityAttribute attribute, String identity) {
    return switch (attribute) {
      case EMAIL -> EmailNormalizer.normalize(identity);
      case USERNAME -> normalizeUsername(identity);
      case US_PHONE_NUMBER -> Optional.empty();
    };
  }

  /** Username mapper: NFKD, trimmed; anything with '@' is left to the email mapper. */
  public static Optional<String> normalizeUsername(String identity) {
    String value = Normalizer.normalize(identity.strip(), Normalizer.Form.NFKD);
    return value.isEmpty() || value.contains("@") ? Optional.empty() : Optional.of(value);
  }
}
