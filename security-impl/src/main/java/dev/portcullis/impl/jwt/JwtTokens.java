package dev.portcullis.impl.jwt;

import dev.portcullis.impl.authentication.BearerTokens;
import dev.portcullis.impl.jose.NimbusJose;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Issues and checks MicroProfile JWT access tokens (MP JWT 2.1 §4 "required claims"): {@code iss},
 * {@code sub} = the user's {@code fs_uniquifier}, {@code upn} = email, {@code groups} = roles,
 * {@code aud}, {@code iat}, {@code exp}, {@code jti}. Short-lived on purpose: another service
 * cannot ask whether a user was signed out, so the lifetime is how long a revoked user's tokens
 * live on there. Here a token also dies with the {@code fs_uniquifier} (password change, {@code
 * reset_access}).
 */
@ApplicationScoped
public class JwtTokens implements BearerTokens {

  /** An issued token and its lifetime in seconds. */
  public record Issued(String token, long expiresIn) {
    /** Without the token. */
    @Override
    public String toString() {
      return "Issued[expiresIn=" + expiresIn + "]";
    }
  }

  private JwtConfig config;
  private Clock clock;
  private volatile NimbusJose.OwnKeys keys;

  /** For CDI. */
  protected JwtTokens() {}

  @Inject
  JwtTokens(JwtConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Loads (or creates) the keys when the application starts, so a bad file fails deployment. */
  void load(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (config.enabled()) {
      keys();
    }
  }

  /** A new token for {@code user}. */
  public Issued issue(UserRecord user) {
    Instant now = clock.instant();
    Instant expires = now.plus(config.lifetime());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(Claims.iss.name(), config.issuer());
    claims.put(Claims.sub.name(), user.fsUniquifier());
    claims.put(Claims.upn.name(), user.email());
    claims.put(Claims.groups.name(), new ArrayList<>(user.roles()));
    claims.put(Claims.aud.name(), config.audiences());
    claims.put(Claims.iat.name(), now.getEpochSecond());
    claims.put(Claims.exp.name(), expires.getEpochSecond());
    claims.put(Claims.jti.name(), UUID.randomUUID().toString());
    return new Issued(keys().sign(claims), config.lifetime().toSeconds());
  }

  /**
   * The {@code fs_uniquifier} a token presented here names, when it is one of ours, for this
   * service's audience (the first of {@code security.jwt_audience}) and not expired.
   */
  @Override
  public Optional<String> subject(String token) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    return keys().verified(token).filter(this::current).map(NimbusJose.Verified::subject);
  }

  /** The public keys, as the JWK Set document consuming services read. */
  public String publicJwks() {
    return keys().publicJwks();
  }

  private boolean current(NimbusJose.Verified claims) {
    return config.issuer().equals(claims.issuer())
        && claims.audience().contains(config.audiences().get(0))
        && claims.expires().filter(clock.instant()::isBefore).isPresent()
        && claims.subject() != null;
  }

  private NimbusJose.OwnKeys keys() {
    NimbusJose.OwnKeys loaded = keys;
    if (loaded == null && config.enabled()) {
      loaded = NimbusJose.ownKeys(config.keysFile().orElseThrow());
      keys = loaded;
    }
    if (loaded == null) {
      throw new IllegalStateException("MicroProfile JWT tokens are off (security.jwt_enable)");
    }
    return loaded;
  }
}
