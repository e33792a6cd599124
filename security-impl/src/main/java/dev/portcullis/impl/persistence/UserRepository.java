package dev.portcullis.impl.persistence;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The user half of Flask-Security's {@code SQLAlchemyUserDatastore} ({@code datastore.py}) over a
 * caller-managed {@link EntityManager} and transaction. {@link JpaUserStore} wraps it in container
 * transactions; tests drive it with a resource-local one.
 *
 * <p>Auth-token identity. Flask-Security binds auth tokens to {@code fs_token_uniquifier} when the
 * user model has that column and to {@code fs_uniquifier} otherwise. Portcullis' own users always
 * get one. In adopted Flask-Security tables ({@link SqlNames#adopted()}) the column is added but a
 * user without a value is treated as Flask treats every user of a model without the column: its
 * tokens bind to {@code fs_uniquifier} (the record reports that as its token uniquifier),
 * Portcullis creates users without one and never gives one to a user who has none, so tokens issued
 * by either application keep working in both during a rolling migration; see {@link UserMapper}.
 */
final class UserRepository {

  /** Every user read fetches the roles in the same statement: they are needed on every request. */
  private static final String FETCH = "SELECT u FROM UserEntity u LEFT JOIN FETCH u.roles WHERE ";

  private final EntityManager em;
  private final Clock clock;
  private final SqlNames sql;

  /** Over Portcullis' own tables. */
  UserRepository(EntityManager em, Clock clock) {
    this(em, clock, SqlNames.PORTCULLIS);
  }

  UserRepository(EntityManager em, Clock clock, SqlNames sql) {
    this.em = em;
    this.clock = clock;
    this.sql = sql;
  }

  Optional<UserRecord> findById(long id) {
    return readOne("u.id = :v", id).map(this::toRecord);
  }

  Optional<UserRecord> findByUniquifier(String fsUniquifier) {
    return readOne("u.fsUniquifier = :v", fsUniquifier).map(this::toRecord);
  }

  Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier) {
    String condition =
        sql.adopted()
            ? "u.fsTokenUniquifier = :v OR (u.fsTokenUniquifier IS NULL AND u.fsUniquifier = :v)"
            : "u.fsTokenUniquifier = :v";
    return readOne(condition, fsTokenUniquifier).map(this::toRecord);
  }

  /**
   * Flask's {@code find_user(case_insensitive=..., attr=value)}. Case-insensitive email and
   * username lookups compare the database-computed lower-case column with {@code LOWER(:v)} (the
   * database lower-cases both sides, so Java's and the database's case rules cannot disagree).
   */
  Optional<UserRecord> findByIdentity(
      IdentityAttribute attribute, String value, boolean caseInsensitive) {
    if (value == null) {
      return Optional.empty();
    }
    return readOne(identityCondition(attribute, caseInsensitive), value).map(this::toRecord);
  }

  /**
   * Flask's {@code create_user}: checks email (case-insensitively), username (case-insensitively,
   * Flask's default for the username identity attribute) and roles before writing anything.
   */
  Optional<UserRecord> create(NewUser newUser) {
    if (newUser.email() == null || newUser.email().isBlank()) {
      throw new IllegalArgumentException("A new user needs an email");
    }
    if (isTaken(IdentityAttribute.EMAIL, newUser.email())
        || (newUser.username() != null
            && isTaken(IdentityAttribute.USERNAME, newUser.username()))) {
      return Optional.empty();
    }
    return insert(newUser);
  }

  /**
   * Inserts without the pre-checks, converting a unique-constraint violation (a concurrent create)
   * into empty. After empty the transaction is rollback-only: run it in its own transaction.
   */
  Optional<UserRecord> insert(NewUser newUser) {
    Optional<Set<RoleEntity>> roles = resolveRoles(newUser.roles());
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    UserEntity user = newEntity(newUser);
    user.getRoles().addAll(roles.get());
    em.persist(user);
    if (!ConstraintViolations.flushUnlessViolated(em)) {
      return Optional.empty();
    }
    return Optional.of(toRecord(user));
  }

  boolean delete(long userId) {
    Optional<UserEntity> user = fetchOne("u.id = :v", userId);
    user.ifPresent(em::remove);
    if (user.isPresent()) {
      // Portcullis' own two-factor bookkeeping has no foreign key (the user table may be
      // Flask-Security's): its rows go with the user.
      for (String table : List.of("fs_mf_used_step", "fs_mf_code_send")) {
        em.createNativeQuery("DELETE FROM " + table + " WHERE user_id = ?1")
            .setParameter(1, userId)
            .executeUpdate();
      }
    }
    return user.isPresent();
  }

  boolean setActive(long userId, boolean active) {
    Optional<UserEntity> user = fetchOne("u.id = :v", userId);
    if (user.isEmpty() || user.get().isActive() == active) {
      return false;
    }
    touch(user.get()).setActive(active);
    return true;
  }

  boolean setPassword(long userId, String passwordHash) {
    return update(userId, u -> u.setPassword(passwordHash));
  }

  boolean changeEmail(long userId, String newEmail, Instant confirmedAt) {
    Optional<UserRecord> owner = findByIdentity(IdentityAttribute.EMAIL, newEmail, true);
    if (owner.isPresent() && owner.get().id() != userId) {
      return false;
    }
    return update(
        userId,
        u -> {
          u.setEmail(newEmail);
          u.setConfirmedAt(confirmedAt);
        });
  }

  boolean setConfirmedAt(long userId, Instant confirmedAt) {
    return update(userId, u -> u.setConfirmedAt(confirmedAt));
  }

  Optional<UserRecord> rotateUniquifier(long userId) {
    return updateAndGet(userId, u -> u.setFsUniquifier(Uniquifiers.next()));
  }

  Optional<UserRecord> rotateTokenUniquifier(long userId) {
    return updateAndGet(userId, this::rotateTokenIdentity);
  }

  /**
   * A new token uniquifier, except for an adopted user without one (tokens bind its uniquifier).
   */
  private void rotateTokenIdentity(UserEntity user) {
    if (!sql.adopted() || user.getFsTokenUniquifier() != null) {
      user.setFsTokenUniquifier(Uniquifiers.next());
    }
  }

  /** Flask's trackable login: last ← previous current (or this login), current ← this login. */
  boolean recordLogin(long userId, Instant at, String remoteAddress) {
    return update(
        userId,
        u -> {
          u.setLastLoginAt(u.getCurrentLoginAt() != null ? u.getCurrentLoginAt() : at);
          u.setLastLoginIp(u.getCurrentLoginIp() != null ? u.getCurrentLoginIp() : remoteAddress);
          u.setCurrentLoginAt(at);
          u.setCurrentLoginIp(remoteAddress);
          Integer count = u.getLoginCount();
          u.setLoginCount(count == null ? 1 : count + 1);
        });
  }

  /**
   * Flask's {@code reset_user_access}: {@code set_uniquifier}, {@code set_token_uniquifier}, {@code
   * us_reset}, {@code tf_reset}, {@code webauthn_reset} and clearing the recovery codes. The
   * password and the WebAuthn user handle stay.
   */
  boolean resetAccess(long userId) {
    boolean found =
        update(
            userId,
            u -> {
              u.setFsUniquifier(Uniquifiers.next());
              rotateTokenIdentity(u);
              u.setUsTotpSecrets(null);
              u.setUsPhoneNumber(null);
              u.setTfPrimaryMethod(null);
              u.setTfTotpSecret(null);
              u.setTfPhoneNumber(null);
              u.setMfRecoveryCodes(List.of());
            });
    if (found) {
      // No WebAuthn entity yet: delete the credentials directly (nothing of them is cached).
      em.createNativeQuery(
              "DELETE FROM "
                  + sql.table(MappedTable.WEBAUTHN)
                  + " WHERE "
                  + sql.column(MappedTable.WEBAUTHN, "user_id")
                  + " = ?1")
          .setParameter(1, userId)
          .executeUpdate();
    }
    return found;
  }

  boolean addRole(long userId, String roleName) {
    Optional<UserEntity> user = fetchOne("u.id = :v", userId);
    Optional<RoleEntity> role = new RoleRepository(em, clock).findEntity(roleName);
    if (user.isEmpty() || role.isEmpty() || hasRole(user.get(), roleName)) {
      return false;
    }
    touch(user.get()).getRoles().add(role.get());
    return true;
  }

  boolean removeRole(long userId, String roleName) {
    Optional<UserEntity> user = fetchOne("u.id = :v", userId);
    if (user.isEmpty() || !hasRole(user.get(), roleName)) {
      return false;
    }
    touch(user.get()).getRoles().removeIf(r -> r.getName().equals(roleName));
    return true;
  }

  private static String identityCondition(IdentityAttribute attribute, boolean caseInsensitive) {
    return switch (attribute) {
      case EMAIL -> caseInsensitive ? "u.emailLower = LOWER(:v)" : "u.email = :v";
      case USERNAME -> caseInsensitive ? "u.usernameLower = LOWER(:v)" : "u.username = :v";
      case US_PHONE_NUMBER ->
          caseInsensitive ? "LOWER(u.usPhoneNumber) = LOWER(:v)" : "u.usPhoneNumber = :v";
    };
  }

  private boolean isTaken(IdentityAttribute attribute, String value) {
    return !em.createQuery(
            "SELECT u.id FROM UserEntity u WHERE " + identityCondition(attribute, true), Long.class)
        .setParameter("v", value)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * A look-up whose result is only mapped to a record, never changed: read-only (EclipseLink skips
   * the unit-of-work clone, Hibernate keeps no snapshot for dirty checking; each provider ignores
   * the other's hint) and without a flush first. This is the per-request path of session and token
   * authentication.
   */
  private Optional<UserEntity> readOne(String condition, Object value) {
    return em
        .createQuery(FETCH + condition, UserEntity.class)
        .setParameter("v", value)
        .setFlushMode(FlushModeType.COMMIT)
        .setHint("eclipselink.read-only", "true")
        .setHint("org.hibernate.readOnly", "true")
        .getResultList()
        .stream()
        .findFirst();
  }

  private Optional<UserEntity> fetchOne(String condition, Object value) {
    // A collection fetch join repeats the user once per role: take the first.
    return em
        .createQuery(FETCH + condition, UserEntity.class)
        .setParameter("v", value)
        .getResultList()
        .stream()
        .findFirst();
  }

  private Optional<Set<RoleEntity>> resolveRoles(Set<String> names) {
    RoleRepository roles = new RoleRepository(em, clock);
    Set<RoleEntity> resolved = new HashSet<>();
    for (String name : names) {
      Optional<RoleEntity> role = roles.findEntity(name);
      if (role.isEmpty()) {
        return Optional.empty();
      }
      resolved.add(role.get());
    }
    return Optional.of(resolved);
  }

  private UserEntity newEntity(NewUser newUser) {
    Instant now = clock.instant();
    UserEntity user = new UserEntity();
    user.setEmail(newUser.email());
    user.setUsername(newUser.username());
    user.setPassword(newUser.passwordHash());
    user.setActive(newUser.active());
    user.setConfirmedAt(newUser.confirmedAt());
    user.setFsUniquifier(Uniquifiers.next());
    // As Flask-Security's create_user for a model without fs_token_uniquifier: see the class doc.
    user.setFsTokenUniquifier(sql.adopted() ? null : Uniquifiers.next());
    user.setFsWebauthnUserHandle(Uniquifiers.next());
    user.setCreateDatetime(now);
    user.setUpdateDatetime(now);
    return user;
  }

  private static boolean hasRole(UserEntity user, String roleName) {
    return user.getRoles().stream().anyMatch(r -> r.getName().equals(roleName));
  }

  private boolean update(long userId, Consumer<UserEntity> change) {
    return updateAndGet(userId, change).isPresent();
  }

  private Optional<UserRecord> updateAndGet(long userId, Consumer<UserEntity> change) {
    Optional<UserEntity> user = fetchOne("u.id = :v", userId);
    user.ifPresent(u -> change.accept(touch(u)));
    return user.map(this::toRecord);
  }

  private UserRecord toRecord(UserEntity user) {
    return UserMapper.toRecord(user, sql.adopted());
  }

  private UserEntity touch(UserEntity user) {
    user.setUpdateDatetime(clock.instant());
    return user;
  }
}
