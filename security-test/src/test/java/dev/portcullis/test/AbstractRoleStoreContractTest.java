package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.RoleStore;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoleStore} must do, written once and run against the in-memory double ({@code
 * InMemoryRoleStoreContractTest}) and the JPA default (in {@code security-impl}), so the double is
 * known to behave as the real store. An application with its own {@link RoleStore} can extend this
 * class too (it ships in {@code security-test}'s test-jar).
 */
public abstract class AbstractRoleStoreContractTest {

  private RoleStore roles;

  /** An empty role store, fresh for each test. */
  protected abstract RoleStore emptyRoleStore();

  @BeforeEach
  void open() {
    roles = emptyRoleStore();
  }

  @Test
  void createWhenNewThenPermissionsNormalizedLikeFlask() {
    RoleRecord admin =
        roles.create("admin", "Administrators", Set.of(" b ", "a,c", "", " , ", "a")).orElseThrow();

    assertThat(admin.name()).isEqualTo("admin");
    assertThat(admin.description()).isEqualTo("Administrators");
    assertThat(admin.permissions()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(roles.find("admin")).contains(admin);
  }

  @Test
  void createWhenNameTakenThenEmptyAndFirstRoleKept() {
    roles.create("admin", "First", Set.of("read")).orElseThrow();

    assertThat(roles.create("admin", "Second", Set.of("write"))).isEmpty();
    assertThat(roles.find("admin").orElseThrow().description()).isEqualTo("First");
    assertThat(roles.find("admin").orElseThrow().permissions()).containsExactly("read");
  }

  @Test
  void createWhenNameBlankThenIllegalArgument() {
    assertThatThrownBy(() -> roles.create(" ", null, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(roles.list()).isEmpty();
  }

  @Test
  void createWhenDescriptionAndPermissionsAbsentThenNullAndEmpty() {
    RoleRecord role = roles.create("user", null, null).orElseThrow();

    assertThat(role.description()).isNull();
    assertThat(role.permissions()).isEmpty();
  }

  @Test
  void findWhenNameDiffersInCaseOrUnknownThenEmpty() {
    roles.create("admin", null, Set.of()).orElseThrow();

    assertThat(roles.find("Admin")).isEmpty();
    assertThat(roles.find("nope")).isEmpty();
  }

  @Test
  void listWhenSeveralThenOrderedByName() {
    roles.create("user", null, Set.of());
    roles.create("admin", null, Set.of());
    roles.create("editor", null, Set.of());

    assertThat(roles.list())
        .extracting(RoleRecord::name)
        .containsExactly("admin", "editor", "user");
    assertThat(roles.list()).extracting(RoleRecord::id).doesNotHaveDuplicates();
  }

  @Test
  void findOrCreateWhenPresentThenExistingElseCreated() {
    RoleRecord created = roles.findOrCreate("admin", "Admins", Set.of("read"));
    RoleRecord found = roles.findOrCreate("admin", "Ignored", Set.of("ignored"));

    assertThat(created.description()).isEqualTo("Admins");
    assertThat(found).isEqualTo(created);
    assertThat(roles.list()).hasSize(1);
  }

  @Test
  void addPermissionsWhenRoleExistsThenNormalizedUnion() {
    roles.create("admin", null, Set.of("read"));

    assertThat(roles.addPermissions("admin", Set.of(" write ", "read", "", "x,y")))
        .map(RoleRecord::permissions)
        .contains(Set.of("read", "write", "x", "y"));
    assertThat(roles.find("admin").orElseThrow().permissions())
        .containsExactlyInAnyOrder("read", "write", "x", "y");
  }

  @Test
  void removePermissionsWhenRoleExistsThenNormalizedDifference() {
    roles.create("admin", null, Set.of("read", "write", "x", "y"));

    assertThat(roles.removePermissions("admin", Set.of("x, y", "nope")))
        .map(RoleRecord::permissions)
        .contains(Set.of("read", "write"));
    assertThat(roles.find("admin").orElseThrow().permissions())
        .containsExactlyInAnyOrder("read", "write");
  }

  @Test
  void changePermissionsWhenRoleUnknownThenEmpty() {
    assertThat(roles.addPermissions("nope", Set.of("a"))).isEmpty();
    assertThat(roles.removePermissions("nope", Set.of("a"))).isEmpty();
    assertThat(roles.list()).isEmpty();
  }
}
