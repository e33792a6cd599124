package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.UserRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repositories and the migrations against one real database, with resource-local transactions
 * standing in for the container's (a transaction per call, rolled back when marked rollback-only,
 * as the {@code @Transactional} interceptor does). One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRepositoryTest {

  static final String SCHEMA = "portcullis_test";
  static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private DataSource dataSource;
  private EntityManagerFactory emf;

  abstract TestDatabase database();

  /** The test unit, and so the JPA provider: EclipseLink's unless a subclass says otherwise. */
  String persistenceUnit() {
    return "portcullis-test";
  }

  /** What else the provider needs (nothing for EclipseLink's test unit). */
  Map<String, Object> providerProperties() {
    return Map.of();
  }

  /** SQL statements the provider has run so far. */
  int statementCount() {
    return SqlCounter.count();
  }

  @BeforeAll
  void migrateFreshSchema() throws SQLException {
    dataSource = database().recreate(SCHEMA);
    SchemaMigrator.Result result = new SchemaMigrator().migrate(dataSource);
    assertThat(result.migrationsExecuted()).isEqualTo(9);
    assertThat(result.schemaVersion()).isEqualTo("9");
    emf = newEntityManagerFactory(Map.of());
  }

  private EntityManagerFactory newEntityManagerFactory(Map<String, Object> extra) {
    Map<String, Object> jpa = new HashMap<>(database().jpaProperties(SCHEMA));
    jpa.putAll(providerProperties());
    jpa.putAll(extra);
    return Persistence.createEntityManagerFactory(persistenceUnit(), jpa);
  }

  private void setGeneratorValue(String name, long value) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE portcullis_id_gen SET gen_value = ? WHERE gen_name = ?")) {
      s.setLong(1, value);
      s.setString(2, name);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private long generatorValue(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT gen_value FROM portcullis_id_gen WHERE gen_name = ?")) {
      s.setString(1, name);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : List.of("fs_webauthn", "fs_roles_users", "fs_user", "fs_role")) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  // --- migrations ---

  @Test
  void migrateWhenAlreadyMigratedThenNothingRuns() {
    SchemaMigrator.Result again = new SchemaMigrator().migrate(dataSource);
    assertThat(again.migrationsExecuted()).isZero();
    assertThat(again.schemaVersion()).isEqualTo("9");
  }

  @Test
  void migrateWhenSchemaHoldsApplicationTablesThenCreatesPortcullisTables() throws SQLException {
    DataSource app = database().recreate(SCHEMA + "_app");
    try (Connection c = app.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE app_thing (id INTEGER PRIMARY KEY)");
    }
    SchemaMigrator.Result result = new SchemaMigrator().migrate(app);
    assertThat(result.migrationsExecuted()).isEqualTo(9);
    try (Connection c = app.getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeQuery("SELECT COUNT(*) FROM fs_user").next()).isTrue();
    }
  }

  // --- users ---

  @Test
  void createWhenNewThenFindsByEmailCaseInsensitively() {
    UserRecord created = createUser("Ann@Example.com", "ann").orElseThrow();

    assertThat(created.id()).isPositive();
    assertThat(created.active()).isTrue();
    assertThat(created.fsUniquifier()).matches("[0-9a-f]{32}");
    assertThat(created.fsTokenUniquifier()).matches("[0-9a-f]{32}");
    assertThat(created.fsWebauthnUserHandle()).matches("[0-9a-f]{32}");
    assertThat(created.createDatetime()).isEqualTo(NOW);
    Optional<UserRecord> found =
        user(r -> r.findByIdentity(IdentityAttribute.EMAIL, "ANN@example.COM", true));
    assertThat(found).map(UserRecord::id).contains(created.id());
    assertThat(found.orElseThrow().createDatetime()).isEqualTo(NOW);
    assertThat(user(r -> r.findByIdentity(IdentityAttribute.EMAIL, "ANN@example.COM", false)))
        .isEmpty();
    assertThat(user(r -> r.findByIdentity(IdentityAttribute.USERNAME, "ANN", true))).isPresent();
  }

  @Test
  void createWhenEmailOrUsernameTakenThenEmptyAndNothingWritten() {
    createUser("ann@example.com", "ann").orElseThrow();

    assertThat(createUser("ANN@example.com", "other")).isEmpty();
    assertThat(createUser("other@example.com", "Ann")).isEmpty();
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void insertWhenConcurrentDuplicateThenEmptyAndNextCreateWorks() {
    createUser("ann@example.com", "ann").orElseThrow();

    // Skips the pre-checks, as a concurrent create that passed them would.
    Optional<UserRecord> raced = user(r -> r.insert(newUser("ANN@example.com", "other", Set.of())));

    assertThat(raced).isEmpty();
    assertThat(userCount()).isEqualTo(1);
    assertThat(createUser("bob@example.com", "bob")).isPresent();
  }

  @Test
  void createWhenRoleUnknownThenEmptyAndNothingWritten() {
    assertThat(user(r -> r.create(newUser("ann@example.com", null, Set.of("nope"))))).isEmpty();
    assertThat(userCount()).isZero();
  }

  @Test
  void findByUniquifierWhenUserHasRolesThenOneQueryReturnsRolesAndPermissions() {
    role(r -> r.create("admin", "Admins", Set.of("admin-read", "admin-write")));
    role(r -> r.create("user", null, Set.of("read")));
    UserRecord ann =
        user(r -> r.create(newUser("ann@example.com", null, Set.of("admin", "user"))))
            .orElseThrow();

    int before = statementCount();
    UserRecord found = user(r -> r.findByUniquifier(ann.fsUniquifier())).orElseThrow();
    int statements = statementCount() - before;

    assertThat(statements).isEqualTo(1);
    assertThat(found.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(found.permissions()).containsExactlyInAnyOrder("admin-read", "admin-write", "read");
    assertThat(user(r -> r.findByTokenUniquifier(ann.fsTokenUniquifier())))
        .map(UserRecord::roles)
        .contains(Set.of("admin", "user"));
    assertThat(user(r -> r.findByUniquifier("0".repeat(32)))).isEmpty();
  }

  @Test
  void identityLookupWhenUserHasRolesThenSameRecordAsJpa() {
    role(r -> r.create("admin", "Admins", Set.of("admin-read", "admin-write")));
    role(r -> r.create("user", null, Set.of("read")));
    UserRecord ann =
        user(r -> r.create(newUser("ann@example.com", "ann", Set.of("admin", "user"))))
            .orElseThrow();
    userDid(r -> r.recordLogin(ann.id(), NOW, "192.0.2.1"));
    UserRecord viaJpa = user(r -> r.findByUniquifier(ann.fsUniquifier())).orElseThrow();
    IdentityLookup lookup = new IdentityLookup(dataSource);

    assertThat(lookup.byUniquifier(ann.fsUniquifier())).contains(viaJpa);
    assertThat(lookup.byTokenUniquifier(ann.fsTokenUniquifier())).contains(viaJpa);
    assertThat(lookup.byUniquifier("0".repeat(32))).isEmpty();
    UserRecord roleless =
        user(r -> r.create(newUser("bob@example.com", null, Set.of()))).orElseThrow();
    assertThat(lookup.byUniquifier(roleless.fsUniquifier()).orElseThrow().roles()).isEmpty();
  }

  @Test
  void addRoleWhenRoleKnownThenGrantedOnceAndRemovable() {
    role(r -> r.create("admin", null, Set.of()));
    long id = createUser("ann@example.com", null).orElseThrow().id();

    assertThat(userDid(r -> r.addRole(id, "admin"))).isTrue();
    assertThat(userDid(r -> r.addRole(id, "admin"))).isFalse();
    assertThat(userDid(r -> r.addRole(id, "nope"))).isFalse();
    assertThat(userDid(r -> r.addRole(id + 1000, "admin"))).isFalse();
    assertThat(user(r -> r.findById(id)).orElseThrow().roles()).containsExactly("admin");

    assertThat(userDid(r -> r.removeRole(id, "admin"))).isTrue();
    assertThat(userDid(r -> r.removeRole(id, "admin"))).isFalse();
    assertThat(user(r -> r.findById(id)).orElseThrow().roles()).isEmpty();
  }

  @Test
  void setActiveWhenChangedThenTrueElseFalse() {
    long id = createUser("ann@example.com", null).orElseThrow().id();

    assertThat(userDid(r -> r.setActive(id, true))).isFalse();
    assertThat(userDid(r -> r.setActive(id, false))).isTrue();
    assertThat(user(r -> r.findById(id)).orElseThrow().active()).isFalse();
    assertThat(userDid(r -> r.setActive(id, true))).isTrue();
    assertThat(userDid(r -> r.setActive(id + 1000, true))).isFalse();
  }

  @Test
  void rotateUniquifierWhenCalledThenOldValueNoLongerFinds() {
    UserRecord ann = createUser("ann@example.com", null).orElseThrow();

    UserRecord rotated = user(r -> r.rotateUniquifier(ann.id())).orElseThrow();
    UserRecord tokenRotated = user(r -> r.rotateTokenUniquifier(ann.id())).orElseThrow();

    assertThat(rotated.fsUniquifier()).matches("[0-9a-f]{32}").isNotEqualTo(ann.fsUniquifier());
    assertThat(tokenRotated.fsTokenUniquifier()).isNotEqualTo(ann.fsTokenUniquifier());
    assertThat(tokenRotated.fsUniquifier()).isEqualTo(rotated.fsUniquifier());
    assertThat(user(r -> r.findByUniquifier(ann.fsUniquifier()))).isEmpty();
    assertThat(user(r -> r.findByTokenUniquifier(ann.fsTokenUniquifier()))).isEmpty();
    assertThat(user(r -> r.findByUniquifier(rotated.fsUniquifier()))).isPresent();
    assertThat(user(r -> r.rotateUniquifier(ann.id() + 1000))).isEmpty();
  }

  @Test
  void recordLoginWhenFirstAndSecondLoginThenTracksLikeFlask() {
    long id = createUser("ann@example.com", null).orElseThrow().id();
    Instant first = Instant.parse("2024-05-02T08:00:00Z");
    Instant second = Instant.parse("2024-05-03T09:30:00.000001Z");

    assertThat(userDid(r -> r.recordLogin(id, first, "10.0.0.1"))).isTrue();
    UserRecord once = user(r -> r.findById(id)).orElseThrow();
    assertThat(once.lastLoginAt()).isEqualTo(first);
    assertThat(once.currentLoginAt()).isEqualTo(first);
    assertThat(once.lastLoginIp()).isEqualTo("10.0.0.1");
    assertThat(once.currentLoginIp()).isEqualTo("10.0.0.1");
    assertThat(once.loginCount()).isEqualTo(1);

    userDid(r -> r.recordLogin(id, second, "10.0.0.2"));
    UserRecord twice = user(r -> r.findById(id)).orElseThrow();
    assertThat(twice.lastLoginAt()).isEqualTo(first);
    assertThat(twice.currentLoginAt()).isEqualTo(second);
    assertThat(twice.lastLoginIp()).isEqualTo("10.0.0.1");
    assertThat(twice.currentLoginIp()).isEqualTo("10.0.0.2");
    assertThat(twice.loginCount()).isEqualTo(2);
    assertThat(userDid(r -> r.recordLogin(id + 1000, second, "10.0.0.2"))).isFalse();
  }

  @Test
  void resetAccessWhenSecondFactorsSetThenClearsThemButKeepsPassword() throws SQLException {
    UserRecord ann = createUser("ann@example.com", null).orElseThrow();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE fs_user SET tf_primary_method = 'authenticator', tf_totp_secret = 's',"
              + " tf_phone_number = '+1', us_totp_secrets = '{}', us_phone_number = '+2',"
              + " mf_recovery_codes = 'a,b' WHERE id = "
              + ann.id());
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO fs_webauthn (id, credential_id, public_key, backup_state,"
                    + " device_type, lastuse_datetime, name, "
                    + usageColumn()
                    + ", user_id) VALUES (1, ?, ?, FALSE, 'single_device', CURRENT_TIMESTAMP,"
                    + " 'key', 'first', ?)")) {
      s.setBytes(1, new byte[] {1});
      s.setBytes(2, new byte[] {2});
      s.setLong(3, ann.id());
      s.executeUpdate();
    }
    assertThat(user(r -> r.findById(ann.id())).orElseThrow().mfRecoveryCodes())
        .containsExactly("a", "b");

    assertThat(userDid(r -> r.resetAccess(ann.id()))).isTrue();

    UserRecord reset = user(r -> r.findById(ann.id())).orElseThrow();
    assertThat(reset.fsUniquifier()).isNotEqualTo(ann.fsUniquifier());
    assertThat(reset.fsTokenUniquifier()).isNotEqualTo(ann.fsTokenUniquifier());
    assertThat(reset.tfPrimaryMethod()).isNull();
    assertThat(reset.tfTotpSecret()).isNull();
    assertThat(reset.tfPhoneNumber()).isNull();
    assertThat(reset.usTotpSecrets()).isNull();
    assertThat(reset.usPhoneNumber()).isNull();
    assertThat(reset.mfRecoveryCodes()).isEmpty();
    assertThat(reset.password()).isEqualTo("$2b$12$hash");
    assertThat(count("fs_webauthn")).isZero();
    assertThat(userDid(r -> r.resetAccess(ann.id() + 1000))).isFalse();
  }

  @Test
  void deleteWhenUserHasRolesThenRemovesUserAndRoleLinks() {
    role(r -> r.create("admin", null, Set.of()));
    long id =
        user(r -> r.create(newUser("ann@example.com", null, Set.of("admin")))).orElseThrow().id();

    assertThat(userDid(r -> r.delete(id))).isTrue();
    assertThat(userDid(r -> r.delete(id))).isFalse();
    assertThat(userCount()).isZero();
    assertThat(count("fs_roles_users")).isZero();
    assertThat(role(r -> r.find("admin"))).isPresent();
  }

  @Test
  void setPasswordAndConfirmedAtWhenUserExistsThenStored() {
    long id = createUser("ann@example.com", null).orElseThrow().id();
    Instant confirmed = Instant.parse("2024-05-02T08:00:00.5Z");

    assertThat(userDid(r -> r.setPassword(id, null))).isTrue();
    assertThat(userDid(r -> r.setConfirmedAt(id, confirmed))).isTrue();

    UserRecord ann = user(r -> r.findById(id)).orElseThrow();
    assertThat(ann.hasPassword()).isFalse();
    assertThat(ann.confirmedAt()).isEqualTo(confirmed);
    assertThat(userDid(r -> r.setPassword(id + 1000, "x"))).isFalse();
  }

  // --- roles ---

  @Test
  void createRoleWhenNameTakenThenEmpty() {
    assertThat(role(r -> r.create("admin", "Admins", Set.of(" b ", "a,c", "", "a"))))
        .map(RoleRecord::permissions)
        .contains(Set.of("a", "b", "c"));
    assertThat(role(r -> r.create("admin", "Again", Set.of()))).isEmpty();
    assertThat(roleRecord(r -> r.findOrCreate("admin", "Ignored", Set.of())).description())
        .isEqualTo("Admins");
    assertThat(roleRecord(r -> r.findOrCreate("user", null, Set.of("read"))).permissions())
        .containsExactly("read");
    assertThat(roleList()).extracting(RoleRecord::name).containsExactly("admin", "user");
  }

  @Test
  void addPermissionsWhenRoleExistsThenNormalizedUnionAndRemoval() {
    role(r -> r.create("admin", null, Set.of("read")));

    assertThat(role(r -> r.addPermissions("admin", Set.of(" write ", "read", "", "x,y"))))
        .map(RoleRecord::permissions)
        .contains(Set.of("read", "write", "x", "y"));
    assertThat(role(r -> r.removePermissions("admin", Set.of("x, y", "nope"))))
        .map(RoleRecord::permissions)
        .contains(Set.of("read", "write"));
    assertThat(role(r -> r.find("admin")).orElseThrow().permissions())
        .containsExactlyInAnyOrder("read", "write");
    assertThat(role(r -> r.addPermissions("nope", Set.of("a")))).isEmpty();
    assertThat(role(r -> r.removePermissions("nope", Set.of("a")))).isEmpty();
  }

  @Test
  void createWhenGeneratorRowMovedByAnotherNodeThenIdsFollowItAndRowKeepsTheLastIdHandedOut()
      throws SQLException {
    // Two nodes (EclipseLink on Payara or Liberty, Hibernate on WildFly) and a Flask-Security
    // adoption share portcullis_id_gen, so both providers must read it alike: the row holds the
    // last id handed out, and a node takes the next block after it.
    setGeneratorValue("fs_user", 1000);
    // A session of its own: EclipseLink shares one per unit name, preallocated ids included.
    EntityManagerFactory otherNode =
        newEntityManagerFactory(
            Map.of("eclipselink.session-name", "other-node-" + System.nanoTime()));
    try {
      UserRecord created =
          inTransaction(
                  otherNode,
                  em ->
                      new UserRepository(em, clock)
                          .create(newUser("bo@example.com", null, Set.of())))
              .orElseThrow();

      assertThat(created.id()).isEqualTo(1001);
      assertThat(generatorValue("fs_user")).isEqualTo(1020);
    } finally {
      otherNode.close();
    }
  }

  // --- helpers ---

  /** The WebAuthn {@code usage} column name as this database's SQL needs it. */
  String usageColumn() {
    return "usage";
  }

  private Optional<UserRecord> createUser(String email, String username) {
    return user(r -> r.create(newUser(email, username, Set.of())));
  }

  private static NewUser newUser(String email, String username, Set<String> roles) {
    return new NewUser(email, username, "$2b$12$hash", true, null, roles);
  }

  private Optional<UserRecord> user(Function<UserRepository, Optional<UserRecord>> work) {
    return inTransaction(em -> work.apply(new UserRepository(em, clock)));
  }

  private boolean userDid(Predicate<UserRepository> work) {
    return inTransaction(em -> work.test(new UserRepository(em, clock)));
  }

  private Optional<RoleRecord> role(Function<RoleRepository, Optional<RoleRecord>> work) {
    return inTransaction(em -> work.apply(new RoleRepository(em, clock)));
  }

  private RoleRecord roleRecord(Function<RoleRepository, RoleRecord> work) {
    return inTransaction(em -> work.apply(new RoleRepository(em, clock)));
  }

  private List<RoleRecord> roleList() {
    return inTransaction(em -> new RoleRepository(em, clock).list());
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    return inTransaction(emf, work);
  }

  private static <T> T inTransaction(
      EntityManagerFactory factory, Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      if (tx.getRollbackOnly()) {
        tx.rollback();
      } else {
        tx.commit();
      }
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private long userCount() {
    return count("fs_user");
  }

  private long count(String table) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
