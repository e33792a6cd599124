package dev.portcullis.impl.jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MicroProfile JWT access-token settings.
 *
 * @param enabled {@code security.jwt_enable}
 * @param issuer {@code security.jwt_issuer}, the {@code iss} claim
 * @param audiences {@code security.jwt_audience}, the {@code aud} claim
 * @param lifetime {@code security.jwt_lifetime}
 * @param keysFile {@code security.jwt_keys_file}
 */
public record JwtConfig(
    boolean enabled,
    String issuer,
    List<String> audiences,
    Duration lifetime,
    Optional<Path> keysFile) {

  /** Copies the list. */
  public JwtConfig {
    audiences = List.copyOf(audiences);
  }
}
