package dev.portcullis.test;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.RoleStore;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link UserStore} in memory, behaving as the JPA default does (the same contract tests run
 * against both): emails and usernames are unique case-insensitively, uniquifiers are fresh random
 * 32-hex-digit values, roles come from a {@link RoleStore} and a user's permissions are the union
 * of their roles' permissions at the time of reading, every change stamps {@code update_datetime}
 * from the clock, and login tracking follows Flask-Security's {@code trackable}.
 *
 * <pre>{@code
 * InMemoryUserStore users = new InMemoryUserStore(new InMemoryRoleStore(), clock);
 * UserRecord ann = users.create(new NewUser("ann@example.com", null, hash, true, null, Set.of()))
 *     .orElseThrow();
 * users.findByIdentity(IdentityAttribute.EMAIL, "ANN@example.com", true); // finds Ann
 * }</pre>
 *
 * <p>Beyond the SPI, {@link #setTwoFactor}, {@link #setUnifiedSignIn} and {@link #setRecoveryCodes}
 * set the columns of features whose stores are not part of the SPI, so a test can give a user
 * second factors (for instance to check that {@link #resetAccess} removes them).
 *
 * <p>Thread-safe: every method is atomic. Records handed out are immutable snapshots.
 */
public final class InMemoryUserStore implements UserStore {

  private final RoleStore roles;
  private final Clock clock;
  private final Map<Long, Row> rows = new TreeMap<>();
  private long lastId;

  /**
   * @param roles where roles are looked up (a user can only be given an existing role)
   * @param clock the time of creation and update stamps
   */
  public InMemoryUserStore(RoleStore roles, Clock clock) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A store over {@code roles} stamping times from the system clock (UTC). */
  public InMemoryUserStore(RoleStore roles) {
    this(roles, Clock.systemUTC());
  }

  @Override
  public synchronized Optional<UserRecord> findById(long id) {
    return Optional.ofNullable(rows.get(id)).map(this::toRecord);
  }

  @Override
  public synchronized Optional<UserRecord> findByIdentity(
      IdentityAttribute attribute, String value, boolean caseInsensitive) {
    if (value == null) {
      return Optional.empty();
    }
    return first(r -> matches(r, attribute, value, caseInsensitive)).map(this::toRecord);
  }

  @Override
  public synchronized Optional<UserRecord> findByUniquifier(String fsUniquifier) {
    return fsUniquifier == null
        ? Optional.empty()
        : first(r -> fsUniquifier.equals(r.fsUniquifier)).map(this::toRecord);
  }

  @Override
  public synchronized Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier) {
    return fsTokenUniquifier == null
        ? Optional.empty()
        : first(r -> fsTokenUniquifier.equals(r.fsTokenUniquifier)).map(this::toRecord);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the email is null or blank (as the JPA store)
   */
  @Override
  public synchronized Optional<UserRecord> create(NewUser user) {
    if (user.email() == null || user.email().isBlank()) {
      throw new IllegalArgumentException("A new user needs an email");
    }
    if (taken(IdentityAttribute.EMAIL, user.email(), 0)
        || (user.username() != null && taken(IdentityAttribute.USERNAME, user.username(), 0))
        || !user.roles().stream().allMatch(name -> roles.find(name).isPresent())) {
      return Optional.empty();
    }
    Row row = new Row(++lastId, clock.instant());
    row.email = user.email();
    row.username = user.username();
    row.password = user.passwordHash();
    row.active = user.active();
    row.confirmedAt = user.confirmedAt();
    row.roles.addAll(user.roles());
    rows.put(row.id, row);
    return Optional.of(toRecord(row));
  }

  @Override
  public synchronized boolean delete(long userId) {
    return rows.remove(userId) != null;
  }

  @Override
  public synchronized boolean setActive(long userId, boolean active) {
    Row row = rows.get(userId);
    if (row == null || row.active == active) {
      return false;
    }
    return update(userId, r -> r.active = active);
  }

  @Override
  public synchronized boolean setPassword(long userId, String passwordHash) {
    return update(userId, r -> r.password = passwordHash);
  }

  @Override
  public synchronized Optional<UserRecord> rotateUniquifier(long userId) {
    update(userId, r -> r.fsUniquifier = nextUniquifier());
    return findById(userId);
  }

  @Override
  public synchronized Optional<UserRecord> rotateTokenUniquifier(long userId) {
    update(userId, r -> r.fsTokenUniquifier = nextUniquifier());
    return findById(userId);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code newEmail} is null (the JPA store fails on its
   *     not-null column)
   */
  @Override
  public synchronized boolean changeEmail(long userId, String newEmail, Instant confirmedAt) {
    if (newEmail == null) {
      throw new IllegalArgumentException("An email cannot be removed");
    }
    if (taken(IdentityAttribute.EMAIL, newEmail, userId)) {
      return false;
    }
    return update(
        userId,
        r -> {
          r.email = newEmail;
          r.confirmedAt = confirmedAt;
        });
  }

  @Override
  public synchronized boolean setConfirmedAt(long userId, Instant confirmedAt) {
    return update(userId, r -> r.confirmedAt = confirmedAt);
  }

  @Override
  public synchronized boolean recordLogin(long userId, Instant at, String remoteAddress) {
    return update(
        userId,
        r -> {
          r.lastLoginAt = r.currentLoginAt != null ? r.currentLoginAt : at;
          r.lastLoginIp = r.currentLoginIp != null ? r.currentLoginIp : remoteAddress;
          r.currentLoginAt = at;
          r.currentLoginIp = remoteAddress;
          r.loginCount++;
        });
  }

  @Override
  public synchronized boolean resetAccess(long userId) {
    return update(
        userId,
        r -> {
          r.fsUniquifier = nextUniquifier();
          r.fsTokenUniquifier = nextUniquifier();
          r.usTotpSecrets = null;
          r.usPhoneNumber = null;
          r.tfPrimaryMethod = null;
          r.tfTotpSecret = null;
          r.tfPhoneNumber = null;
          r.mfRecoveryCodes = List.of();
        });
  }

  @Override
  public synchronized boolean addRole(long userId, String roleName) {
    Row row = rows.get(userId);
    if (row == null || roles.find(roleName).isEmpty() || row.roles.contains(roleName)) {
      return false;
    }
    return update(userId, r -> r.roles.add(roleName));
  }

  @Override
  public synchronized boolean removeRole(long userId, String roleName) {
    Row row = rows.get(userId);
    if (row == null || !row.roles.contains(roleName)) {
      return false;
    }
    return update(userId, r -> r.roles.remove(roleName));
  }

  // --- beyond the SPI ---

  /**
   * Sets the two-factor columns ({@code tf_primary_method}, {@code tf_totp_secret}, {@code
   * tf_phone_number}); {@code false} if there is no such user.
   */
  public synchronized boolean setTwoFactor(
      long userId, String primaryMethod, String totpSecret, String phoneNumber) {
    return update(
        userId,
        r -> {
          r.tfPrimaryMethod = primaryMethod;
          r.tfTotpSecret = totpSecret;
          r.tfPhoneNumber = phoneNumber;
        });
  }

  /**
   * Sets the unified sign-in columns ({@code us_totp_secrets}, {@code us_phone_number}); {@code
   * false} if there is no such user.
   *
   * @throws IllegalArgumentException when another user has {@code phoneNumber} (a unique column)
   */
  public synchronized boolean setUnifiedSignIn(
      long userId, String totpSecrets, String phoneNumber) {
    if (phoneNumber != null && taken(IdentityAttribute.US_PHONE_NUMBER, phoneNumber, userId)) {
      throw new IllegalArgumentException("Another user has this unified sign-in phone number");
    }
    return update(
        userId,
        r -> {
          r.usTotpSecrets = totpSecrets;
          r.usPhoneNumber = phoneNumber;
        });
  }

  /** Sets {@code mf_recovery_codes}; {@code false} if there is no such user. */
  public synchronized boolean setRecoveryCodes(long userId, List<String> codes) {
    return update(userId, r -> r.mfRecoveryCodes = List.copyOf(codes));
  }

  /** Every user, ordered by id. */
  public synchronized List<UserRecord> all() {
    List<UserRecord> all = new ArrayList<>();
    rows.values().forEach(r -> all.add(toRecord(r)));
    return all;
  }

  /** Removes every user (ids keep counting up, as a database sequence does). */
  public synchronized void clear() {
    rows.clear();
  }

  // --- internals ---

  private Optional<Row> first(Predicate<Row> condition) {
    return rows.values().stream().filter(condition).findFirst();
  }

  private static boolean matches(
      Row row, IdentityAttribute attribute, String value, boolean caseInsensitive) {
    String column =
        switch (attribute) {
          case EMAIL -> row.email;
          case USERNAME -> row.username;
          case US_PHONE_NUMBER -> row.usPhoneNumber;
        };
    if (column == null) {
      return false;
    }
    return caseInsensitive ? lower(column).equals(lower(value)) : column.equals(value);
  }

  /** Whether a user other than {@code exceptId} has {@code value}, compared case-insensitively. */
  private boolean taken(IdentityAttribute attribute, String value, long exceptId) {
    return first(r -> r.id != exceptId && matches(r, attribute, value, true)).isPresent();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private boolean update(long userId, Consumer<Row> change) {
    Row row = rows.get(userId);
    if (row == null) {
      return false;
    }
    change.accept(row);
    row.updateDatetime = clock.instant();
    return true;
  }

  /** Flask-Security's {@code uuid.uuid4().hex}: 32 lower-case hex digits from a secure random. */
  private static String nextUniquifier() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private UserRecord toRecord(Row row) {
    Set<String> roleNames = new TreeSet<>();
    Set<String> permissions = new TreeSet<>();
    for (String name : row.roles) {
      Optional<RoleRecord> role = roles.find(name);
      role.ifPresent(
          r -> {
            roleNames.add(r.name());
            permissions.addAll(r.permissions());
          });
    }
    return new UserRecord(
        row.id,
        row.email,
        row.username,
        row.password,
        row.active,
        row.fsUniquifier,
        row.fsTokenUniquifier,
        row.fsWebauthnUserHandle,
        row.confirmedAt,
        row.lastLoginAt,
        row.currentLoginAt,
        row.lastLoginIp,
        row.currentLoginIp,
        row.loginCount,
        row.tfPrimaryMethod,
        row.tfTotpSecret,
        row.tfPhoneNumber,
        row.usTotpSecrets,
        row.usPhoneNumber,
        row.mfRecoveryCodes,
        roleNames,
        permissions,
        row.createDatetime,
        row.updateDatetime);
  }

  /** The mutable state of one user; only touched under the store's lock. */
  private static final class Row {
    final long id;
    final Instant createDatetime;
    final Set<String> roles = new TreeSet<>();
    String email;
    String username;
    String password;
    boolean active;
    String fsUniquifier = nextUniquifier();
    String fsTokenUniquifier = nextUniquifier();
    final String fsWebauthnUserHandle = nextUniquifier();
    Instant confirmedAt;
    Instant lastLoginAt;
    Instant currentLoginAt;
    String lastLoginIp;
    String currentLoginIp;
    int loginCount;
    String tfPrimaryMethod;
    String tfTotpSecret;
    String tfPhoneNumber;
    String usTotpSecrets;
    String usPhoneNumber;
    List<String> mfRecoveryCodes = List.of();
    Instant updateDatetime;

    Row(long id, Instant now) {
      this.id = id;
      this.createDatetime = now;
      this.updateDatetime = now;
    }
  }
}
