package dev.portcullis.impl.persistence;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.RoleStore;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link UserStore} and {@link RoleStore} outside a container (the command-line tool, tools,
 * tests): the same repositories as {@link JpaUserStore} and {@link JpaRoleStore} over a
 * resource-local {@link EntityManagerFactory} whose unit lists Portcullis' entities. Every store
 * call is its own transaction, like the container stores' {@code @Transactional}; calls made inside
 * {@link #inTransaction} share one instead. A transaction marked rollback-only (a unique-constraint
 * race) is rolled back, never committed.
 *
 * <pre>{@code
 * StandaloneStores stores = new StandaloneStores(emf, Clock.systemUTC());
 * stores.inTransaction(() -> {
 *   stores.users().setPassword(id, hash);
 *   return stores.users().rotateUniquifier(id);
 * });
 * }</pre>
 *
 * Not thread-safe across threads sharing one {@link #inTransaction} call; independent threads are
 * fine (the current transaction is per thread). Schema migration ({@link SchemaMigrator}) is the
 * caller's job.
 */
public final class StandaloneStores {

  private final EntityManagerFactory emf;
  private final Clock clock;
  private final SqlNames sql;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
  private final UserStore users = new Users();
  private final RoleStore roles = new Roles();

  /**
   * @param emf a resource-local factory of a unit listing {@code UserEntity}, {@code RoleEntity},
   *     {@code UtcInstantConverter} and {@code CommaListConverter}
   * @param clock the time written into update and creation stamps
   */
  public StandaloneStores(EntityManagerFactory emf, Clock clock) {
    this(emf, clock, SqlNames.PORTCULLIS);
  }

  /**
   * Stores over the tables {@code sql} names (Flask-Security's, adopted); {@code emf} must have
   * been created with {@link DatastoreNames#JPA_PROPERTY} set to the same names.
   */
  public StandaloneStores(EntityManagerFactory emf, Clock clock, SqlNames sql) {
    this.emf = emf;
    this.clock = clock;
    this.sql = sql;
  }

  /** The user store. */
  public UserStore users() {
    return users;
  }

  /** The role store. */
  public RoleStore roles() {
    return roles;
  }

  /**
   * Runs {@code work} in one transaction that every store call inside it joins (or joins the
   * enclosing one); committed when {@code work} returns, rolled back when it throws.
   */
  public <T> T inTransaction(Supplier<T> work) {
    return call(em -> work.get());
  }

  private <T> T call(Function<EntityManager, T> operation) {
    EntityManager joined = current.get();
    if (joined != null) {
      return operation.apply(joined);
    }
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    current.set(em);
    try {
      tx.begin();
      T result = operation.apply(em);
      if (tx.getRollbackOnly()) {
        tx.rollback();
      } else {
        tx.commit();
      }
      return result;
    } finally {
      current.remove();
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private <T> T withUsers(Function<UserRepository, T> operation) {
    return call(em -> operation.apply(new UserRepository(em, clock, sql)));
  }

  private <T> T withRoles(Function<RoleRepository, T> operation) {
    return call(em -> operation.apply(new RoleRepository(em, clock)));
  }

  private final class Users implements UserStore {

    @Override
    public Optional<UserRecord> findById(long id) {
      return withUsers(r -> r.findById(id));
    }

    @Override
    public Optional<UserRecord> findByIdentity(
        IdentityAttribute attribute, String value, boolean caseInsensitive) {
      return withUsers(r -> r.findByIdentity(attribute, value, caseInsensitive));
    }

    @Override
    public Optional<UserRecord> findByUniquifier(String fsUniquifier) {
      return withUsers(r -> r.findByUniquifier(fsUniquifier));
    }

    @Override
    public Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier) {
      return withUsers(r -> r.findByTokenUniquifier(fsTokenUniquifier));
    }

    @Override
    public Optional<UserRecord> create(NewUser user) {
      return withUsers(r -> r.create(user));
    }

    @Override
    public boolean delete(long userId) {
      return withUsers(r -> r.delete(userId));
    }

    @Override
    public boolean setActive(long userId, boolean active) {
      return withUsers(r -> r.setActive(userId, active));
    }

    @Override
    public boolean setPassword(long userId, String passwordHash) {
      return withUsers(r -> r.setPassword(userId, passwordHash));
    }

    @Override
    public Optional<UserRecord> rotateUniquifier(long userId) {
      return withUsers(r -> r.rotateUniquifier(userId));
    }

    @Override
    public Optional<UserRecord> rotateTokenUniquifier(long userId) {
      return withUsers(r -> r.rotateTokenUniquifier(userId));
    }

    @Override
    public boolean changeEmail(long userId, String newEmail, Instant confirmedAt) {
      return withUsers(r -> r.changeEmail(userId, newEmail, confirmedAt));
    }

    @Override
    public boolean setConfirmedAt(long userId, Instant confirmedAt) {
      return withUsers(r -> r.setConfirmedAt(userId, confirmedAt));
    }

    @Override
    public boolean recordLogin(long userId, Instant at, String remoteAddress) {
      return withUsers(r -> r.recordLogin(userId, at, remoteAddress));
    }

    @Override
    public boolean resetAccess(long userId) {
      return withUsers(r -> r.resetAccess(userId));
    }

    @Override
    public boolean addRole(long userId, String roleName) {
      return withUsers(r -> r.addRole(userId, roleName));
    }

    @Override
    public boolean removeRole(long userId, String roleName) {
      return withUsers(r -> r.removeRole(userId, roleName));
    }
  }

  private final class Roles implements RoleStore {

    @Override
    public Optional<RoleRecord> find(String name) {
      return withRoles(r -> r.find(name));
    }

    @Override
    public List<RoleRecord> list() {
      return withRoles(RoleRepository::list);
    }

    @Override
    public Optional<RoleRecord> create(String name, String description, Set<String> permissions) {
      return withRoles(r -> r.create(name, description, permissions));
    }

    /** As {@link JpaRoleStore#findOrCreate}: each step its own transaction unless joined. */
    @Override
    public RoleRecord findOrCreate(String name, String description, Set<String> permissions) {
      return find(name)
          .or(() -> create(name, description, permissions))
          .or(() -> find(name))
          .orElseThrow(() -> new IllegalStateException("Role neither found nor created: " + name));
    }

    @Override
    public Optional<RoleRecord> addPermissions(String roleName, Set<String> permissions) {
      return withRoles(r -> r.addPermissions(roleName, permissions));
    }

    @Override
    public Optional<RoleRecord> removePermissions(String roleName, Set<String> permissions) {
      return withRoles(r -> r.removePermissions(roleName, permissions));
    }
  }
}
