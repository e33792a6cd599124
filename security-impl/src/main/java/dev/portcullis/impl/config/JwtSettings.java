package dev.portcullis.impl.config;

import dev.portcullis.impl.jwt.JwtConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code security.jwt_*} keys. With tokens on, the issuer, the audience and the key file
 * must be set: a token without them could not be checked by anyone.
 */
final class JwtSettings {

  private JwtSettings() {}

  static JwtConfig read(Settings settings) {
    boolean enabled = settings.bool(OAuthKey.JWT_ENABLE);
    Optional<String> issuer = settings.optionalString(OAuthKey.JWT_ISSUER);
    List<String> audiences =
        settings.optionalString(OAuthKey.JWT_AUDIENCE).isEmpty()
            ? List.of()
            : settings.list(OAuthKey.JWT_AUDIENCE);
    Optional<Path> keys = settings.optionalString(OAuthKey.JWT_KEYS_FILE).map(Path::of);
    if (enabled && issuer.isEmpty()) {
      throw new ConfigurationException(OAuthKey.JWT_ISSUER, "must be set with security.jwt_enable");
    }
    if (enabled && audiences.isEmpty()) {
      throw new ConfigurationException(
          OAuthKey.JWT_AUDIENCE, "must name at least one audience with security.jwt_enable");
    }
    if (enabled && keys.isEmpty()) {
      throw new ConfigurationException(
          OAuthKey.JWT_KEYS_FILE,
          "must name the JWK Set file of the signing keys with security.jwt_enable");
    }
    return new JwtConfig(
        enabled,
        issuer.orElse(""),
        audiences,
        settings.positiveDuration(OAuthKey.JWT_LIFETIME),
        keys);
  }
}
