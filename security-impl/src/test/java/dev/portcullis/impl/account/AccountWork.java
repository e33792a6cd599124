package dev.portcullis.impl.account;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.RecordingMail;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenDataHash;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.lang.reflect.Constructor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * The real collaborators of the account services (password hasher, token-data hash, token signer,
 * templates and mailer) over an in-memory user store and a recording outbox, with counters of the
 * work a request does: how many password hashes and token-data hashes it computed (each draws a
 * fresh salt from its own counted random source), which outbox writes and which user writes it
 * made. Timing tests are not allowed in the suite; equal work is what these counters pin.
 */
public final class AccountWork {

  /** The work one call did. */
  public record Work(
      int passwordSaltDraws,
      int tokenSaltDraws,
      List<String> outboxKinds,
      List<String> userWrites) {}

  public final Config config;
  public final SecurityConfiguration configuration;
  public final AccountConfig account;
  public final Messages messages;
  public final PasswordHasher hasher;
  public final TokenDataHash tokenHashes;
  public final PurposeTokens purposeTokens;
  public final Users users = new Users();
  public final UserBoundTokens tokens;
  public final RecordingMail mail;
  public final AccountMail accountMail;
  public final Decoys decoys;
  public final Events events = new Events();

  private final CountingRandom passwordSalts = new CountingRandom();
  private final CountingRandom tokenSalts = new CountingRandom();

  /** Generic responses, confirmable, recoverable, registerable, bcrypt at its lowest cost. */
  public AccountWork(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("security.return_generic_responses", "true");
    values.put("security.confirmable", "true");
    values.put("security.recoverable", "true");
    values.put("security.registerable", "true");
    values.put("security.password_hash_passlib_options", "bcrypt__rounds=4");
    values.putAll(overrides);
    config = MapConfig.valid(values);
    configuration = new SecurityConfiguration(config);
    account = configuration.account();
    messages = new Messages(config);
    hasher = new PasswordHasher(configuration.password(), passwordSalts);
    tokenHashes = new TokenDataHash(tokenSalts);
    Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    purposeTokens =
        new PurposeTokens(
            new TokenSigner(configuration.secretKey(), clock), TokenSalts.withOverrides(Map.of()));
    tokens = new UserBoundTokens(purposeTokens, tokenHashes, users);
    mail = new RecordingMail(config);
    accountMail = new AccountMail(mail.mailer());
    decoys = new Decoys(hasher);
  }

  /** A user with a password, confirmed or not. */
  public UserRecord addUser(String email, boolean confirmed, boolean active) {
    Instant confirmedAt = confirmed ? Instant.parse("2029-01-01T00:00:00Z") : null;
    UserRecord user =
        users
            .create(
                new NewUser(
                    email, null, hasher.hash("Old-password-42"), active, confirmedAt, Set.of()))
            .orElseThrow();
    users.writes.clear();
    return user;
  }

  /** Runs {@code call} and returns the work it did. */
  public Work measure(Runnable call) {
    int password = passwordSalts.draws.get();
    int token = tokenSalts.draws.get();
    int outbox = mail.writes().size();
    int userWrites = users.writes.size();
    call.run();
    List<String> kinds =
        mail.writes().subList(outbox, mail.writes().size()).stream()
            .map(w -> w.substring(0, w.indexOf(' ')))
            .toList();
    return new Work(
        passwordSalts.draws.get() - password,
        tokenSalts.draws.get() - token,
        kinds,
        List.copyOf(users.writes.subList(userWrites, users.writes.size())));
  }

  /** An instance of {@code type} through its (package-private) constructor of that arity. */
  public static <T> T construct(Class<T> type, Object... args) {
    try {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == args.length && args.length > 0) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(args));
        }
      }
      throw new IllegalArgumentException(type + " has no constructor of " + args.length);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the salts drawn: every call for fresh bytes is one draw. */
  private static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    final AtomicInteger draws = new AtomicInteger();

    @Override
    public void nextBytes(byte[] bytes) {
      draws.incrementAndGet();
      super.nextBytes(bytes);
    }
  }

  /** Records events instead of firing them. */
  public static final class Events extends EventPublisher {
    public final List<Object> published = new ArrayList<>();

    @Override
    public void publish(Object event) {
      published.add(event);
    }
  }

  /** Users in a map; records the writes. */
  public static final class Users implements UserStore {
    public final List<String> writes = new ArrayList<>();
    private final Map<Long, UserRecord> byId = new HashMap<>();
    private long nextId = 1;

    @Override
    public Optional<UserRecord> findById(long id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<UserRecord> findByIdentity(
        IdentityAttribute attribute, String value, boolean caseInsensitive) {
      return byId.values().stream()
          .filter(
              u -> {
                String own = attribute == IdentityAttribute.EMAIL ? u.email() : u.username();
                return own != null
                    && (caseInsensitive ? own.equalsIgnoreCase(value) : own.equals(value));
              })
          .findFirst();
    }

    @Override
    public Optional<UserRecord> findByUniquifier(String fsUniquifier) {
      return byId.values().stream().filter(u -> u.fsUniquifier().equals(fsUniquifier)).findFirst();
    }

    @Override
    public Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier) {
      return byId.values().stream()
          .filter(u -> u.fsTokenUniquifier().equals(fsTokenUniquifier))
          .findFirst();
    }

    @Override
    public Optional<UserRecord> create(NewUser user) {
      if (findByIdentity(IdentityAttribute.EMAIL, user.email(), true).isPresent()) {
        return Optional.empty();
      }
      long id = nextId++;
      UserRecord record =
          new UserRecord(
              id,
              user.email(),
              user.username(),
              user.passwordHash(),
              user.active(),
              uniquifier(),
              uniquifier(),
              uniquifier(),
              user.confirmedAt(),
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
              user.roles(),
              Set.of(),
              null,
              null);
      byId.put(id, record);
      writes.add("create " + user.email());
      return Optional.of(record);
    }

    private static String uniquifier() {
      return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public boolean delete(long userId) {
      writes.add("delete " + userId);
      return byId.remove(userId) != null;
    }

    @Override
    public boolean setActive(long userId, boolean active) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean setPassword(long userId, String passwordHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<UserRecord> rotateUniquifier(long userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<UserRecord> rotateTokenUniquifier(long userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean changeEmail(long userId, String newEmail, Instant confirmedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean setConfirmedAt(long userId, Instant confirmedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordLogin(long userId, Instant at, String remoteAddress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean resetAccess(long userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean addRole(long userId, String roleName) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeRole(long userId, String roleName) {
      throw new UnsupportedOperationException();
    }
  }
}
