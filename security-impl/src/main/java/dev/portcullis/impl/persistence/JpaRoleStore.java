package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.RoleStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The default {@link RoleStore}: JPA over the {@code portcullis} persistence unit, porting the role
 * operations of Flask-Security's {@code SQLAlchemyUserDatastore}. Each method is a container
 * transaction around {@link RoleRepository}.
 */
@ApplicationScoped
public class JpaRoleStore implements RoleStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  /** This bean's own proxy, so {@link #findOrCreate} gets a transaction per step. */
  @Inject JpaRoleStore self;

  private RoleRepository roles() {
    return new RoleRepository(em, clock);
  }

  @Override
  @Transactional
  public Optional<RoleRecord> find(String name) {
    return roles().find(name);
  }

  @Override
  @Transactional
  public List<RoleRecord> list() {
    return roles().list();
  }

  /** Its own transaction, for the same reason as {@link JpaUserStore#create}. */
  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<RoleRecord> create(String name, String description, Set<String> permissions) {
    return roles().create(name, description, permissions);
  }

  /**
   * Find, else create, else find again: every node of a cluster typically seeds its roles at
   * startup, so losing the create race is normal. Each step is its own transaction (the caller's is
   * suspended) so the second find sees the winner's commit even under REPEATABLE READ.
   */
  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public RoleRecord findOrCreate(String name, String description, Set<String> permissions) {
    return self.find(name)
        .or(() -> self.create(name, description, permissions))
        .or(() -> self.find(name))
        .orElseThrow(() -> new IllegalStateException("Role neither found nor created: " + name));
  }

  @Override
  @Transactional
  public Optional<RoleRecord> addPermissions(String roleName, Set<String> permissions) {
    return roles().addPermissions(roleName, permissions);
  }

  @Override
  @Transactional
  public Optional<RoleRecord> removePermissions(String roleName, Set<String> permissions) {
    return roles().removePermissions(roleName, permissions);
  }
}
