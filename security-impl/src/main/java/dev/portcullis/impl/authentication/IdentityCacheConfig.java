package dev.portcullis.impl.authentication;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of {@link IdentityCache}.
 *
 * @param ttl how long a node reuses a user read for a request; empty = read on every request
 * @param size the most users kept at once
 */
public record IdentityCacheConfig(Optional<Duration> ttl, int size) {

  /** Off: every authenticated request reads its user. */
  public static final IdentityCacheConfig OFF = new IdentityCacheConfig(Optional.empty(), 1);

  /** A zero duration is the same as none. */
  public IdentityCacheConfig {
    ttl = ttl.filter(d -> !d.isZero());
  }
}
