package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.links.TrustedHosts;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WebAuthn services over doubles: a {@link RelyingParty} that answers what a test sets and
 * records what it was asked, an in-memory {@link WebAuthnStore} with the store's rules, users in a
 * map, recorded events, a throttle guard that records what it was told, and a clock the test moves.
 */
final class WanFixture {

  static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

  final MovableClock clock = new MovableClock(NOW);
  final FakeRelyingParty relyingParty = new FakeRelyingParty();
  final MemoryStore store = new MemoryStore();
  final Map<Long, UserRecord> users = new LinkedHashMap<>();
  final List<Object> events = new ArrayList<>();
  final RecordingGuard guard = new RecordingGuard();
  final WebAuthnConfig config;
  final WanStates states;
  final RelyingPartyIdentity.Resolved rp =
      new RelyingPartyIdentity.Resolved("example.com", Set.of("https://app.example.com"));

  WanFixture() {
    this(true, true, true);
  }

  WanFixture(boolean firstFactor, boolean multiFactor, boolean hints) {
    config =
        new WebAuthnConfig(
            true,
            Optional.of("example.com"),
            List.of("https://app.example.com"),
            "Portcullis",
            32,
            60000,
            60000,
            Duration.ofMinutes(30),
            Duration.ofMinutes(1),
            firstFactor,
            multiFactor,
            hints,
            Optional.empty(),
            Set.of("first", "secondary"),
            true,
            "/security/wan_register.xhtml",
            "/security/wan_register.xhtml",
            "/security/wan_signin.xhtml",
            "/security/wan_verify.xhtml");
    states =
        new WanStates(
            new PurposeTokens(
                new TokenSigner("a-test-secret-key-of-at-least-32-characters", clock),
                TokenSalts.defaults()),
            config);
  }

  WanRegistration registration() {
    return new WanRegistration(config, states, store, relyingParty, publisher(), clock);
  }

  WanAssertions assertions() {
    return new WanAssertions(
        config,
        states,
        store,
        relyingParty,
        userStore(),
        identity ->
            users.values().stream().filter(u -> u.email().equalsIgnoreCase(identity)).findFirst(),
        guard,
        publisher(),
        clock);
  }

  UserRecord addUser(long id, String email, String handle, boolean active) {
    UserRecord user =
        new UserRecord(
            id,
            email,
            null,
            null,
            active,
            "uniq-" + id,
            "tok-" + id,
            handle,
            NOW,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            Set.of(),
            Set.of(),
            NOW,
            NOW);
    users.put(id, user);
    return user;
  }

  /** Stores a key directly, as a past registration did. */
  WebAuthnCredential addKey(UserRecord user, byte[] id, String name, String usage, long count) {
    var verified =
        new RegistrationOutcome.Verified(
            id,
            new byte[] {42},
            count,
            List.of("usb"),
            false,
            false,
            false,
            Optional.empty(),
            Optional.empty());
    store.register(
        user.id(),
        new NewCredential(verified, name, usage, user.fsWebauthnUserHandle(), NOW),
        UsedChallenge.of("seed-" + name + user.id(), NOW.plusSeconds(1)));
    return store.find(id).orElseThrow();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private EventPublisher publisher() {
    return new EventPublisher() {
      @Override
      public void publish(Object event) {
        events.add(event);
      }
    };
  }

  private UserStore userStore() {
    return (UserStore)
        Proxy.newProxyInstance(
            UserStore.class.getClassLoader(),
            new Class<?>[] {UserStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("findById")) {
                return Optional.ofNullable(users.get((Long) args[0]));
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Answers what the test sets; remembers the expectations it was given. */
  /**
   * The throttle as the services see it: records every question and failure (by subject key, the
   * client address as {@code address}) and refuses while {@link #refusing} is set.
   */
  static final class RecordingGuard extends CredentialGuard {
    final List<String> asked = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> successes = new ArrayList<>();
    boolean refusing;

    @Override
    public boolean refuses(ThrottleSubject account) {
      asked.add(account.key());
      return refusing;
    }

    @Override
    public boolean refusesAddress() {
      asked.add("address");
      return refusing;
    }

    @Override
    public void failed(ThrottleSubject account) {
      failures.add(account.key());
    }

    @Override
    public void failedAddress() {
      failures.add("address");
    }

    @Override
    public void succeeded(ThrottleSubject account) {
      successes.add(account.key());
    }
  }

  static final class FakeRelyingParty implements RelyingParty {
    RegistrationOutcome registration;
    AssertionOutcome assertion;
    AssertionIds ids;
    Expectations lastExpected;

    @Override
    public RegistrationOutcome verifyRegistration(String json, Expectations expected) {
      lastExpected = expected;
      return json.startsWith("{")
          ? registration
          : new RegistrationOutcome.Refused("API_ERROR", "x");
    }

    @Override
    public Optional<AssertionIds> readAssertionIds(String json) {
      return json.startsWith("{") ? Optional.ofNullable(ids) : Optional.empty();
    }

    @Override
    public AssertionOutcome verifyAssertion(
        String json, StoredCredential credential, Expectations expected) {
      lastExpected = expected;
      return assertion;
    }
  }

  /** The store's rules in memory. */
  static final class MemoryStore implements WebAuthnStore {
    final List<WebAuthnCredential> rows = new ArrayList<>();
    final Set<String> usedChallenges = new HashSet<>();
    private long nextId = 1;

    @Override
    public List<WebAuthnCredential> credentialsOf(long userId) {
      return rows.stream().filter(r -> r.userId() == userId).toList();
    }

    @Override
    public Optional<WebAuthnCredential> find(byte[] credentialId) {
      return rows.stream().filter(r -> Arrays.equals(r.credentialId(), credentialId)).findFirst();
    }

    @Override
    public Registration register(long userId, NewCredential c, UsedChallenge challenge) {
      if (credentialsOf(userId).stream().anyMatch(r -> r.name().equals(c.name()))) {
        return Registration.NAME_IN_USE;
      }
      if (find(c.verified().credentialId()).isPresent()) {
        return Registration.CREDENTIAL_ID_IN_USE;
      }
      if (!usedChallenges.add(challenge.hash())) {
        return Registration.CHALLENGE_USED;
      }
      var v = c.verified();
      rows.add(
          new WebAuthnCredential(
              nextId++,
              v.credentialId(),
              v.publicKey(),
              v.signCount(),
              v.transports(),
              v.backupState(),
              c.deviceType(),
              v.extensionsJson(),
              c.now(),
              c.name(),
              c.usage(),
              userId));
      return Registration.STORED;
    }

    @Override
    public Use recordUse(
        long id, long expected, AssertionOutcome.Verified v, Instant now, UsedChallenge ch) {
      if (!usedChallenges.add(ch.hash())) {
        return Use.CHALLENGE_USED;
      }
      for (int i = 0; i < rows.size(); i++) {
        WebAuthnCredential r = rows.get(i);
        if (r.id() == id && r.signCount() == expected) {
          rows.set(
              i,
              new WebAuthnCredential(
                  r.id(),
                  r.credentialId(),
                  r.publicKey(),
                  v.signCount(),
                  r.transports(),
                  v.backupState(),
                  r.deviceType(),
                  r.extensions(),
                  now,
                  r.name(),
                  r.usage(),
                  r.userId()));
          return Use.RECORDED;
        }
      }
      return Use.COUNTER_MOVED;
    }

    @Override
    public boolean delete(long userId, String name) {
      return rows.removeIf(r -> r.userId() == userId && r.name().equals(name));
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Link settings for {@link RelyingPartyIdentity} tests. */
  static LinkConfig links(Optional<String> external, List<String> trusted) {
    return new LinkConfig(external, TrustedHosts.parse(trusted), "/api");
  }

  static URI base(String url) {
    return URI.create(url);
  }
}
