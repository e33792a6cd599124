package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleRecord;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The role half of Flask-Security's {@code SQLAlchemyUserDatastore} ({@code find_role}, {@code
 * create_role}, {@code find_or_create_role}, {@code add_permissions_to_role}, {@code
 * remove_permissions_from_role}) over a caller-managed {@link EntityManager} and transaction.
 */
final class RoleRepository {

  private final EntityManager em;
  private final Clock clock;

  RoleRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  Optional<RoleRecord> find(String name) {
    return findEntity(name).map(UserMapper::toRecord);
  }

  List<RoleRecord> list() {
    return em
        .createQuery("SELECT r FROM RoleEntity r ORDER BY r.name", RoleEntity.class)
        .getResultList()
        .stream()
        .map(UserMapper::toRecord)
        .toList();
  }

  /**
   * Creates a role with normalized permissions; empty when the name is taken, checked first and
   * again by the unique constraint (a concurrent create). After empty from the constraint the
   * transaction is rollback-only: run this in its own transaction.
   */
  Optional<RoleRecord> create(String name, String description, Set<String> permissions) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A role needs a name");
    }
    if (findEntity(name).isPresent()) {
      return Optional.empty();
    }
    RoleEntity role = new RoleEntity();
    role.setName(name);
    role.setDescription(description);
    role.setPermissions(Permissions.normalize(permissions));
    role.setUpdateDatetime(clock.instant());
    em.persist(role);
    if (!ConstraintViolations.flushUnlessViolated(em)) {
      return Optional.empty();
    }
    return Optional.of(UserMapper.toRecord(role));
  }

  /**
   * Within one transaction; {@link JpaRoleStore#findOrCreate} also survives a concurrent create.
   */
  RoleRecord findOrCreate(String name, String description, Set<String> permissions) {
    return find(name)
        .or(() -> create(name, description, permissions))
        .orElseThrow(() -> new IllegalStateException("Role created concurrently: " + name));
  }

  Optional<RoleRecord> addPermissions(String roleName, Set<String> permissions) {
    return changePermissions(roleName, current -> Permissions.union(current, permissions));
  }

  Optional<RoleRecord> removePermissions(String roleName, Set<String> permissions) {
    return changePermissions(roleName, current -> Permissions.difference(current, permissions));
  }

  Optional<RoleEntity> findEntity(String name) {
    return em
        .createQuery("SELECT r FROM RoleEntity r WHERE r.name = :name", RoleEntity.class)
        .setParameter("name", name)
        .getResultList()
        .stream()
        .findFirst();
  }

  private Optional<RoleRecord> changePermissions(
      String roleName, UnaryOperator<List<String>> change) {
    Optional<RoleEntity> role = findEntity(roleName);
    role.ifPresent(
        r -> {
          r.setPermissions(change.apply(r.getPermissions()));
          r.setUpdateDatetime(clock.instant());
        });
    return role.map(UserMapper::toRecord);
  }
}
