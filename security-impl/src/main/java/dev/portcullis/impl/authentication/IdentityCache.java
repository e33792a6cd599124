package dev.portcullis.impl.authentication;

import dev.portcullis.impl.persistence.UserRowsChanged;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The users this node read for authenticated requests, kept for {@code security.identity_cache_ttl}
 * so that a request need not read its user again ({@link IdentityCacheConfig}). Off by default:
 * then every call reads.
 *
 * <p>What it gives up, and only across nodes: a change made elsewhere (another node, Flask-Security
 * on the same database, the command line) is seen here at the latest when the copy expires. A
 * change made on this node through JPA is seen at once: {@link UserRowsChanged} is observed when
 * the row is written and again after its transaction completes. A copy read while a change is under
 * way is dropped rather than kept (the generation check in {@link #keep}).
 */
@ApplicationScoped
public class IdentityCache {

  private record Copy(UserRecord user, long expiresAtMillis) {}

  private final Map<String, Copy> byUniquifier = new ConcurrentHashMap<>();
  private final Map<String, Copy> byTokenUniquifier = new ConcurrentHashMap<>();

  /** Moves on every eviction; a copy read across a move is not kept. */
  private final AtomicLong generation = new AtomicLong();

  private long ttlMillis;
  private int size;
  private Clock clock;

  /** For CDI. */
  protected IdentityCache() {}

  @Inject
  IdentityCache(IdentityCacheConfig config, Clock clock) {
    this.ttlMillis = config.ttl().map(java.time.Duration::toMillis).orElse(0L);
    this.size = config.size();
    this.clock = clock;
  }

  /**
   * The user with this {@code fs_uniquifier}, read with {@code read} unless a fresh copy is kept.
   */
  public Optional<UserRecord> byUniquifier(
      String uniquifier, Function<String, Optional<UserRecord>> read) {
    return lookUp(byUniquifier, uniquifier, read);
  }

  /** The user with this {@code fs_token_uniquifier}, as {@link #byUniquifier}. */
  public Optional<UserRecord> byTokenUniquifier(
      String tokenUniquifier, Function<String, Optional<UserRecord>> read) {
    return lookUp(byTokenUniquifier, tokenUniquifier, read);
  }

  private Optional<UserRecord> lookUp(
      Map<String, Copy> copies, String key, Function<String, Optional<UserRecord>> read) {
    if (ttlMillis <= 0) {
      return read.apply(key);
    }
    long now = clock.millis();
    Copy kept = copies.get(key);
    if (kept != null && now < kept.expiresAtMillis()) {
      return Optional.of(kept.user());
    }
    long readAt = generation.get();
    Optional<UserRecord> user = read.apply(key);
    if (user.isPresent()) {
      keep(copies, key, new Copy(user.get(), now + ttlMillis), readAt);
    } else if (kept != null) {
      copies.remove(key, kept);
    }
    return user;
  }

  /**
   * Keeps the copy unless an eviction happened since it was read. Put first, check after: an
   * eviction either moved the generation before the check (the copy is taken back here) or removes
   * the copy itself after it was put.
   */
  private void keep(Map<String, Copy> copies, String key, Copy copy, long readAt) {
    if (copies.size() >= size) {
      copies.clear();
    }
    copies.put(key, copy);
    if (generation.get() != readAt) {
      copies.remove(key, copy);
    }
  }

  /** The user's row (or a role) is being written in this JVM. */
  void written(@Observes UserRowsChanged change) {
    evict(change);
  }

  /** The transaction that wrote it is over: a copy read before its commit must go too. */
  void completed(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserRowsChanged change) {
    evict(change);
  }

  void evict(UserRowsChanged change) {
    if (ttlMillis <= 0) {
      return;
    }
    generation.incrementAndGet();
    if (change.userId().isPresent()) {
      long id = change.userId().getAsLong();
      byUniquifier.values().removeIf(copy -> copy.user().id() == id);
      byTokenUniquifier.values().removeIf(copy -> copy.user().id() == id);
    } else {
      byUniquifier.clear();
      byTokenUniquifier.clear();
    }
  }
}
