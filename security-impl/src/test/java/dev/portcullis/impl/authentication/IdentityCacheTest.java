package dev.portcullis.impl.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.persistence.UserRowsChanged;
import dev.portcullis.impl.token.MutableClock;
import dev.portcullis.spi.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {

  static final Duration TTL = Duration.ofSeconds(30);

  final InMemoryUsers users = new InMemoryUsers();
  final UserRecord alice = users.add(1, "alice@example.com", null, "h", true, null, Set.of("user"));
  final UserRecord bob = users.add(2, "bob@example.com", null, "h", true, null, Set.of("user"));
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
  final List<String> reads = new ArrayList<>();

  /** Reads as the store would, by uniquifier, counting every read. */
  final Function<String, Optional<UserRecord>> store =
      uid -> {
        reads.add(uid);
        return List.of(users.get(1), users.get(2)).stream()
            .filter(u -> u.fsUniquifier().equals(uid) || u.fsTokenUniquifier().equals(uid))
            .findFirst();
      };

  IdentityCache cache(Optional<Duration> ttl, int size) {
    return new IdentityCache(new IdentityCacheConfig(ttl, size), clock);
  }

  @Test
  void lookupWhenOffThenReadsOnEveryRequest() {
    IdentityCache cache = cache(Optional.empty(), 100);

    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-1", store);
    cache.byTokenUniquifier("tid-1", store);

    assertThat(reads).containsExactly("uid-1", "uid-1", "tid-1");
  }

  @Test
  void lookupWhenZeroTtlThenOff() {
    IdentityCache cache = cache(Optional.of(Duration.ZERO), 100);

    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-1", store);

    assertThat(reads).hasSize(2);
  }

  @Test
  void lookupWhenKeptThenNotReadAgainUntilTheTtlEnds() {
    IdentityCache cache = cache(Optional.of(TTL), 100);

    assertThat(cache.byTokenUniquifier("tid-1", store)).contains(alice);
    clock.advance(TTL.minusMillis(1));
    assertThat(cache.byTokenUniquifier("tid-1", store)).contains(alice);
    assertThat(reads).containsExactly("tid-1");

    clock.advance(Duration.ofMillis(1));
    cache.byTokenUniquifier("tid-1", store);
    assertThat(reads).containsExactly("tid-1", "tid-1");
  }

  @Test
  void sessionAndTokenUniquifiersWhenEqualStringsThenKeptApart() {
    IdentityCache cache = cache(Optional.of(TTL), 100);

    cache.byUniquifier("uid-1", store);
    cache.byTokenUniquifier("uid-1", store);

    assertThat(reads).containsExactly("uid-1", "uid-1");
  }

  @Test
  void unknownUniquifierWhenLookedUpThenNotKept() {
    IdentityCache cache = cache(Optional.of(TTL), 100);

    assertThat(cache.byUniquifier("nobody", store)).isEmpty();
    assertThat(cache.byUniquifier("nobody", store)).isEmpty();

    assertThat(reads).containsExactly("nobody", "nobody");
  }

  @Test
  void userWhenWrittenOnThisNodeThenReadAgainAtOnceAndOthersKept() {
    IdentityCache cache = cache(Optional.of(TTL), 100);
    cache.byUniquifier("uid-1", store);
    cache.byTokenUniquifier("tid-1", store);
    cache.byUniquifier("uid-2", store);
    users.setActive(1, false);

    cache.written(new UserRowsChanged(OptionalLong.of(1)));

    assertThat(cache.byUniquifier("uid-1", store))
        .hasValueSatisfying(u -> assertThat(u.active()).isFalse());
    assertThat(cache.byTokenUniquifier("tid-1", store))
        .hasValueSatisfying(u -> assertThat(u.active()).isFalse());
    cache.byUniquifier("uid-2", store);
    assertThat(reads).containsExactly("uid-1", "tid-1", "uid-2", "uid-1", "tid-1");
  }

  @Test
  void roleWhenWrittenThenEveryUserReadAgain() {
    IdentityCache cache = cache(Optional.of(TTL), 100);
    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-2", store);

    cache.completed(new UserRowsChanged(OptionalLong.empty()));
    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-2", store);

    assertThat(reads).containsExactly("uid-1", "uid-2", "uid-1", "uid-2");
  }

  /**
   * The race the generation check closes: a request reads the old row, the writer commits and
   * evicts, then the request would keep what it read. It must not outlive the eviction.
   */
  @Test
  void copyWhenReadBeforeAnEvictionAndKeptAfterItThenDropped() {
    IdentityCache cache = cache(Optional.of(TTL), 100);
    Function<String, Optional<UserRecord>> readThenWriterCommits =
        uid -> {
          Optional<UserRecord> old = store.apply(uid);
          users.setActive(1, false);
          cache.completed(new UserRowsChanged(OptionalLong.of(1)));
          return old;
        };

    assertThat(cache.byUniquifier("uid-1", readThenWriterCommits)).contains(alice);

    assertThat(cache.byUniquifier("uid-1", store))
        .hasValueSatisfying(u -> assertThat(u.active()).isFalse());
  }

  @Test
  void cacheWhenFullThenStartsAgainEmpty() {
    IdentityCache cache = cache(Optional.of(TTL), 1);
    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-2", store);

    cache.byUniquifier("uid-1", store);
    cache.byUniquifier("uid-1", store);

    assertThat(reads).containsExactly("uid-1", "uid-2", "uid-1");
  }

  @Test
  void evictionWhenOffThenNothingHappens() {
    IdentityCache cache = cache(Optional.empty(), 100);

    cache.written(new UserRowsChanged(OptionalLong.of(1)));
    cache.completed(new UserRowsChanged(OptionalLong.empty()));

    assertThat(cache.byUniquifier("uid-2", store)).contains(bob);
  }
}
