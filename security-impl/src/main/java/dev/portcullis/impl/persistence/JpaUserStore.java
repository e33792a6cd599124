package dev.portcullis.impl.persistence;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The default {@link UserStore}: JPA over the {@code portcullis} persistence unit, porting the user
 * operations of Flask-Security's {@code SQLAlchemyUserDatastore}. Each method is a container
 * transaction (joining the caller's) around {@link UserRepository}.
 */
@ApplicationScoped
public class JpaUserStore implements UserStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;

  private IdentityLookup identities;
  private SqlNames sql;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    sql = schema.sqlNames();
    identities = new IdentityLookup(SchemaStartup.dataSource(), sql);
  }

  private UserRepository users() {
    return new UserRepository(em, clock, sql);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<UserRecord> findById(long id) {
    return users().findById(id);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<UserRecord> findByIdentity(
      IdentityAttribute attribute, String value, boolean caseInsensitive) {
    return users().findByIdentity(attribute, value, caseInsensitive);
  }

  /** Every authenticated request calls this: plain JDBC, see {@link IdentityLookup}. */
  @Override
  public Optional<UserRecord> findByUniquifier(String fsUniquifier) {
    return identities.byUniquifier(fsUniquifier);
  }

  /** Every token-authenticated request calls this: plain JDBC, see {@link IdentityLookup}. */
  @Override
  public Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier) {
    return identities.byTokenUniquifier(fsTokenUniquifier);
  }

  /**
   * Runs in its own transaction: a duplicate that slips past the checks (a concurrent registration)
   * fails the flush, which marks the transaction rollback-only (and aborts it on PostgreSQL); doing
   * that in the caller's transaction would break the caller. The new user is therefore committed
   * independently of the caller's transaction.
   */
  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<UserRecord> create(NewUser user) {
    return users().create(user);
  }

  @Override
  @Transactional
  public boolean delete(long userId) {
    return users().delete(userId);
  }

  @Override
  @Transactional
  public boolean setActive(long userId, boolean active) {
    return users().setActive(userId, active);
  }

  @Override
  @Transactional
  public boolean setPassword(long userId, String passwordHash) {
    return users().setPassword(userId, passwordHash);
  }

  @Override
  @Transactional
  public Optional<UserRecord> rotateUniquifier(long userId) {
    return users().rotateUniquifier(userId);
  }

  @Override
  @Transactional
  public Optional<UserRecord> rotateTokenUniquifier(long userId) {
    return users().rotateTokenUniquifier(userId);
  }

  @Override
  @Transactional
  public boolean setConfirmedAt(long userId, Instant confirmedAt) {
    return users().setConfirmedAt(userId, confirmedAt);
  }

  @Override
  @Transactional
  public boolean changeEmail(long userId, String newEmail, Instant confirmedAt) {
    return users().changeEmail(userId, newEmail, confirmedAt);
  }

  @Override
  @Transactional
  public boolean recordLogin(long userId, Instant at, String remoteAddress) {
    return users().recordLogin(userId, at, remoteAddress);
  }

  @Override
  @Transactional
  public boolean resetAccess(long userId) {
    return users().resetAccess(userId);
  }

  @Override
  @Transactional
  public boolean addRole(long userId, String roleName) {
    return users().addRole(userId, roleName);
  }

  @Override
  @Transactional
  public boolean removeRole(long userId, String roleName) {
    return users().removeRole(userId, roleName);
  }
}
