package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.EmailNormalizer;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds the user an {@code identity} names (Flask-Security {@code lookup_identity}, spec §7.11):
 * each attribute of {@code security.user_identity_attributes} in order, the typed value normalized
 * as that attribute's values are stored (an email normalized, a phone number in E.164, a username
 * stripped); the first attribute that finds a user wins.
 */
@ApplicationScoped
public class UsIdentities {

  static final int MAX_IDENTITY_LENGTH = 320;

  @Inject UserStore users;
  @Inject AuthenticationConfig config;
  @Inject PhoneNumbers phoneNumbers;

  /** The user named by {@code identity}, active or not. */
  public Optional<UserRecord> find(String identity) {
    if (identity == null || identity.isBlank() || identity.length() > MAX_IDENTITY_LENGTH) {
      return Optional.empty();
    }
    for (IdentityAttribute attribute : config.identityAttributes()) {
      Optional<UserRecord> user = normalized(attribute, identity).flatMap(v -> find(attribute, v));
      if (user.isPresent()) {
        return user;
      }
    }
    return Optional.empty();
  }

  private Optional<UserRecord> find(IdentityAttribute attribute, String value) {
    return users.findByIdentity(attribute, value, attribute != IdentityAttribute.US_PHONE_NUMBER);
  }

  private Optional<String> normalized(IdentityAttribute attribute, String identity) {
    return switch (attribute) {
      case EMAIL -> identity.contains("@") ? EmailNormalizer.normalize(identity) : Optional.empty();
      case USERNAME -> Optional.of(identity.strip()).filter(v -> !v.isEmpty());
      case US_PHONE_NUMBER -> phoneNumbers.canonical(identity);
    };
  }
}
