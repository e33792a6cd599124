package dev.portcullis.test;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.RoleStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A {@link RoleStore} in memory, behaving as the JPA default does (the same contract tests run
 * against both): names are unique and case-sensitive, {@link #list()} is ordered by name, and
 * permissions are normalized as Flask-Security's {@code RoleMixin.add_permissions} does: each item
 * may be a comma-separated list, items are stripped, blanks dropped, duplicates removed.
 *
 * <pre>{@code
 * InMemoryRoleStore roles = new InMemoryRoleStore();
 * roles.create("admin", "Administrators", Set.of("admin-read, admin-write"));
 * InMemoryUserStore users = new InMemoryUserStore(roles, clock);
 * }</pre>
 *
 * <p>Thread-safe: every method is atomic.
 */
public final class InMemoryRoleStore implements RoleStore {

  private final Map<String, RoleRecord> byName = new TreeMap<>();
  private long lastId;

  /** An empty store. */
  public InMemoryRoleStore() {}

  @Override
  public synchronized Optional<RoleRecord> find(String name) {
    return Optional.ofNullable(name).map(byName::get);
  }

  @Override
  public synchronized List<RoleRecord> list() {
    return List.copyOf(byName.values());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code name} is null or blank (as the JPA store)
   */
  @Override
  public synchronized Optional<RoleRecord> create(
      String name, String description, Set<String> permissions) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A role needs a name");
    }
    if (byName.containsKey(name)) {
      return Optional.empty();
    }
    RoleRecord role = new RoleRecord(++lastId, name, description, normalize(permissions));
    byName.put(name, role);
    return Optional.of(role);
  }

  @Override
  public synchronized RoleRecord findOrCreate(
      String name, String description, Set<String> permissions) {
    return find(name).or(() -> create(name, description, permissions)).orElseThrow();
  }

  @Override
  public synchronized Optional<RoleRecord> addPermissions(
      String roleName, Set<String> permissions) {
    return change(
        roleName,
        current -> {
          Set<String> union = new TreeSet<>(current);
          union.addAll(normalize(permissions));
          return union;
        });
  }

  @Override
  public synchronized Optional<RoleRecord> removePermissions(
      String roleName, Set<String> permissions) {
    return change(
        roleName,
        current -> {
          Set<String> difference = new TreeSet<>(current);
          difference.removeAll(normalize(permissions));
          return difference;
        });
  }

  /** Removes every role. */
  public synchronized void clear() {
    byName.clear();
  }

  private Optional<RoleRecord> change(String roleName, UnaryOperator<Set<String>> permissions) {
    Optional<RoleRecord> role = find(roleName);
    role.ifPresent(
        r ->
            byName.put(
                r.name(),
                new RoleRecord(
                    r.id(), r.name(), r.description(), permissions.apply(r.permissions()))));
    return role.map(r -> byName.get(r.name()));
  }

  /** Flask's permission normalization: split on commas, strip, drop blanks and duplicates. */
  static Set<String> normalize(Collection<String> permissions) {
    Set<String> result = new TreeSet<>();
    if (permissions != null) {
      for (String item : permissions) {
        if (item != null) {
          for (String part : item.split(",", -1)) {
            if (!part.strip().isEmpty()) {
              result.add(part.strip());
            }
          }
        }
      }
    }
    return result;
  }
}
