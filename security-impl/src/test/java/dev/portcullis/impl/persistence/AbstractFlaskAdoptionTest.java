package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.jpa.EclipseLinkNames;
import dev.portcullis.impl.login.LoginOutcome;
import dev.portcullis.impl.login.LoginTestSupport;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.token.AuthTokenCodec;
import dev.portcullis.impl.token.AuthTokenResult;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.RememberCookieCodec;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Adopting a database the real Flask-Security wrote ({@link FlaskFixture}): the schema is completed
 * in place, Flask's users sign in with their passwords, its auth tokens and remember-me cookies
 * name the same users, roles and permissions are Flask's; then Portcullis writes (a new user, role
 * changes, login tracking, a re-hashed password) and Flask-Security, run against the result, still
 * works and hands out ids that collide with none of Portcullis'. Sign-in goes through the real
 * {@code LoginService} (look-up, verify-and-update); tokens and cookies through the real codecs and
 * both user look-ups (JPA and the per-request JDBC one).
 *
 * <p>The tests run in order, as the steps of one migration. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractFlaskAdoptionTest {

  static final String SCHEMA = "flask_adopt";
  static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
  static final List<String> FLASK_TABLES = List.of("user", "role", "roles_users", "web_authn");
  static final DatastoreNames FSQLA_V3 =
      DatastoreNames.of(DatastoreLayout.FSQLA_V3, Map.of(), Map.of());

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private FlaskFixture fixture;
  private DataSource dataSource;
  private Set<String> flaskSchema;
  private Set<String> flaskTables;
  private SchemaMigrator.Result adoption;
  private EntityManagerFactory emf;
  private StandaloneStores stores;
  private IdentityLookup lookup;
  private Config config;
  private SecurityConfiguration configuration;
  private PasswordHasher hasher;

  abstract TestDatabase database();

  /** {@code postgresql} or {@code mariadb}: the fixture and check.py's database argument. */
  abstract String fixtureName();

  /** The test unit, and so the JPA provider: EclipseLink's unless a subclass says otherwise. */
  String persistenceUnit() {
    return "portcullis-test";
  }

  /** The provider adapter that applies {@code names}, with what else the provider needs. */
  Map<String, Object> providerProperties(DatastoreNames names) {
    Map<String, Object> properties = new HashMap<>(EclipseLinkNames.properties(names));
    properties.put("eclipselink.session-name", getClass().getSimpleName());
    return properties;
  }

  @BeforeAll
  void adoptFlaskDatabase() throws SQLException {
    fixture = FlaskFixture.of(fixtureName());
    dataSource = fixture.loadInto(database(), SCHEMA);
    flaskSchema = SchemaSnapshot.of(dataSource, FLASK_TABLES);
    flaskTables = SchemaSnapshot.tables(dataSource);
    adoption = new SchemaMigrator().migrate(dataSource, FSQLA_V3);
    config =
        new MapConfig(
            Map.of(
                "security.secret_key", fixture.secretKey(),
                "security.password_salt", fixture.passwordSalt(),
                "security.datastore_schema", "fsqla_v3"));
    configuration = new SecurityConfiguration(config);
    hasher = new PasswordHasher(configuration.password(), new SecureRandom());
    SqlNames sql = SqlNames.of(configuration.datastore(), adoption.vendor());
    Map<String, Object> jpa = new HashMap<>(database().jpaProperties(SCHEMA));
    jpa.putAll(providerProperties(configuration.datastore()));
    emf = Persistence.createEntityManagerFactory(persistenceUnit(), jpa);
    stores = new StandaloneStores(emf, clock, sql);
    lookup = new IdentityLookup(dataSource, sql);
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @Test
  @Order(1)
  void adoptWhenFlaskSchemaThenAddsOnlyWhatIsMissingAndAltersNothing() throws SQLException {
    Set<String> now = SchemaSnapshot.of(dataSource, FLASK_TABLES);
    Set<String> added = new TreeSet<>(now);
    added.removeAll(flaskSchema);

    assertThat(now).containsAll(flaskSchema);
    assertThat(addedColumns(added))
        .containsExactlyInAnyOrder("email_lower", "username_lower", "fs_token_uniquifier");
    assertThat(added)
        .filteredOn(line -> line.startsWith("column user.fs_token_uniquifier"))
        .singleElement()
        .asString()
        .contains("nullable=YES");
    assertThat(added)
        .allMatch(
            line -> line.startsWith("column user.") || line.startsWith("index user."),
            "only columns and indexes of the user table");
    assertThat(adoption.adopted())
        .containsExactly(
            "user.email_lower",
            "user.username_lower",
            "user.fs_token_uniquifier",
            "portcullis_id_gen");
    Set<String> tables = SchemaSnapshot.tables(dataSource);
    tables.removeAll(flaskTables);
    assertThat(tables)
        .containsExactlyInAnyOrder(
            "portcullis_id_gen",
            "portcullis_schema_history",
            "fs_mail_outbox",
            "fs_mf_used_step",
            "fs_mf_code_send",
            "fs_mf_address_send",
            "fs_throttle",
            "fs_wan_used_challenge",
            "fs_mf_stand_in_send");
  }

  @Test
  @Order(2)
  void migrateWhenAlreadyAdoptedThenNothingAddedOrRun() throws SQLException {
    Set<String> before = SchemaSnapshot.of(dataSource, FLASK_TABLES);

    SchemaMigrator.Result again = new SchemaMigrator().migrate(dataSource, FSQLA_V3);

    assertThat(again.adopted()).isEmpty();
    assertThat(again.migrationsExecuted()).isZero();
    assertThat(SchemaSnapshot.of(dataSource, FLASK_TABLES)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void signInWhenFlaskPasswordsThenVerifiedAndOnlyTheDeprecatedSchemeRehashed() {
    UserStore users = stores.users();
    String annHash = byEmail("ann@example.com").password();
    assertThat(byEmail("bob@example.com").password()).startsWith("$pbkdf2-sha512$");

    assertThat(login("ann@example.com", fixture.user("ann@example.com").password()))
        .isInstanceOf(LoginOutcome.Authenticated.class);
    assertThat(login("bob@example.com", fixture.user("bob@example.com").password()))
        .isInstanceOf(LoginOutcome.Authenticated.class);
    LoginOutcome fay = login("fay@example.com", fixture.user("Fay@example.com").password());

    assertThat(byEmail("ann@example.com").password()).isEqualTo(annHash);
    assertThat(byEmail("bob@example.com").password()).startsWith("$2b$12$");
    assertThat(((LoginOutcome.Authenticated) fay).user().email()).isEqualTo("Fay@example.com");
    assertThat(login("ann@example.com", "not-her-password"))
        .isInstanceOf(LoginOutcome.Rejected.class);
    assertThat(login("dan@example.com", fixture.user("dan@example.com").password()))
        .isInstanceOf(LoginOutcome.Rejected.class);
    assertThat(login("eve@example.com", "anything-at-all"))
        .isInstanceOf(LoginOutcome.Rejected.class);
    assertThat(users.findByIdentity(IdentityAttribute.USERNAME, "FAY", true))
        .map(UserRecord::email)
        .contains("Fay@example.com");
  }

  @Test
  @Order(4)
  void authTokenWhenIssuedByFlaskThenNamesItsUserAndInactiveUsersAreKnownAsSuch() {
    AuthTokenCodec tokens = authTokens();

    UserRecord ann = tokenUser(tokens, fixture.user("ann@example.com").authToken());
    UserRecord bob = tokenUser(tokens, fixture.user("bob@example.com").authToken());
    UserRecord dan = tokenUser(tokens, fixture.user("dan@example.com").authToken());
    String forged = fixture.user("ann@example.com").authToken().replaceFirst(".$", "x");

    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(ann.active()).isTrue();
    assertThat(bob.email()).isEqualTo("bob@example.com");
    assertThat(dan.active()).isFalse();
    assertThat(tokens.parse(forged, null)).isInstanceOf(AuthTokenResult.Invalid.class);
    // Portcullis' own token for a Flask user binds fs_uniquifier, as Flask's do for this model.
    assertThat(ann.fsTokenUniquifier()).isEqualTo(ann.fsUniquifier());
    assertThat(tokenUser(tokens, tokens.create(ann.fsTokenUniquifier()))).isEqualTo(ann);
  }

  @Test
  @Order(5)
  void rememberCookieWhenIssuedByFlaskThenNamesItsUser() {
    RememberCookieCodec cookies = new RememberCookieCodec(fixture.secretKey());

    String annUniquifier = cookies.decode(fixture.user("ann@example.com").rememberCookie()).get();
    String danUniquifier = cookies.decode(fixture.user("dan@example.com").rememberCookie()).get();

    UserRecord ann = stores.users().findByUniquifier(annUniquifier).orElseThrow();
    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(lookup.byUniquifier(annUniquifier)).contains(ann);
    assertThat(lookup.byUniquifier(danUniquifier).orElseThrow().active()).isFalse();
    assertThat(cookies.decode(annUniquifier + "|" + "0".repeat(128))).isEmpty();
  }

  @Test
  @Order(6)
  void rolesWhenReadThenFlaskRolesAndPermissions() {
    UserRecord ann = byEmail("ann@example.com");

    assertThat(ann.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(ann.permissions())
        .containsExactlyInAnyOrder("admin-read", "admin-write", "user-read");
    assertThat(ann.mfRecoveryCodes()).containsExactly("1a2b-3c4d-5e6f", "7a8b-9c0d-1e2f");
    assertThat(stores.roles().list())
        .extracting(RoleRecord::name, RoleRecord::permissions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("admin", Set.of("admin-read", "admin-write")),
            org.assertj.core.groups.Tuple.tuple("editor", Set.of("content-edit")),
            org.assertj.core.groups.Tuple.tuple("user", Set.of("user-read")));
  }

  @Test
  @Order(6)
  void webauthnWhenFlasksWebAuthnTableThenAKeyIsStoredUsedAndDeletedThere() {
    UserRecord ann = byEmail("ann@example.com");
    var verified =
        new dev.portcullis.impl.webauthn.RegistrationOutcome.Verified(
            new byte[] {4, 5, 6},
            new byte[] {1, 2},
            0,
            List.of("usb"),
            false,
            false,
            true,
            Optional.of(true),
            Optional.of("{\"credProps\":{\"rk\":true}}"));
    var key =
        new dev.portcullis.impl.webauthn.NewCredential(
            verified, "flask-key", "first", ann.fsWebauthnUserHandle(), NOW);

    assertThat(
            this.<Object>webauthn(
                r ->
                    r.register(
                        ann.id(),
                        key,
                        dev.portcullis.impl.webauthn.UsedChallenge.of("c", NOW.plusSeconds(60)))))
        .hasToString("STORED");
    var stored =
        this.<Optional<dev.portcullis.impl.webauthn.WebAuthnCredential>>webauthn(
                r -> r.find(new byte[] {4, 5, 6}))
            .orElseThrow();
    assertThat(stored.id()).as("assigned by Flask's own id column").isPositive();
    assertThat(stored.usage()).isEqualTo("first");
    assertThat(stored.transports()).containsExactly("usb");
    assertThat(
            this.<Object>webauthn(
                r ->
                    r.recordUse(
                        stored.id(),
                        0,
                        new dev.portcullis.impl.webauthn.AssertionOutcome.Verified(
                            0, true, false, false),
                        NOW,
                        dev.portcullis.impl.webauthn.UsedChallenge.of("d", NOW.plusSeconds(60)))))
        .hasToString("RECORDED");
    assertThat(this.<Boolean>webauthn(r -> r.delete(ann.id(), "flask-key"))).isTrue();
    assertThat(
            this.<List<dev.portcullis.impl.webauthn.WebAuthnCredential>>webauthn(
                r -> r.credentialsOf(ann.id())))
        .isEmpty();
  }

  private <T> T webauthn(
      java.util.function.Function<dev.portcullis.impl.webauthn.WebAuthnRepositoryAccess, T> work) {
    jakarta.persistence.EntityManager em = emf.createEntityManager();
    var tx = em.getTransaction();
    try {
      tx.begin();
      T result =
          work.apply(
              dev.portcullis.impl.webauthn.WebAuthnRepositoryAccess.of(
                  em,
                  SqlNames.of(configuration.datastore(), adoption.vendor()),
                  adoption.vendor() == SchemaMigrator.Vendor.MYSQL));
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  @Test
  @Order(7)
  void writeWhenPortcullisChangedTheDatabaseThenFlaskSecurityStillRunsOnIt() throws Exception {
    UserStore users = stores.users();
    UserRecord ann = byEmail("ann@example.com");
    UserRecord bob = byEmail("bob@example.com");
    UserRecord pat =
        users
            .create(
                new NewUser(
                    "pat@example.com",
                    "pat",
                    hasher.hash("Pat-Password-2025"),
                    true,
                    NOW,
                    Set.of("editor")))
            .orElseThrow();
    RoleRecord auditor =
        stores.roles().create("auditor", "Auditors", Set.of("audit")).orElseThrow();
    assertThat(users.addRole(bob.id(), "admin")).isTrue();
    assertThat(users.removeRole(ann.id(), "user")).isTrue();
    assertThat(users.recordLogin(ann.id(), NOW, "192.0.2.10")).isTrue();

    // Ids come from the database's own sequence: past every id Flask handed out, including the
    // deleted user's (3), so they cannot collide with Flask's next ones either.
    assertThat(pat.id()).isEqualTo(7);
    assertThat(pat.fsTokenUniquifier()).isEqualTo(pat.fsUniquifier());
    assertThat(auditor.id()).isEqualTo(4);

    String unavailable = FlaskCheck.unavailable();
    assumeTrue(unavailable == null, () -> "Flask-Security step skipped: " + unavailable);
    JsonObject report = FlaskCheck.run(fixtureName(), SCHEMA, flaskRequest());

    JsonObject annRow = report.getJsonObject("users").getJsonObject("ann@example.com");
    assertThat(annRow.getInt("login_count")).isEqualTo(2);
    assertThat(annRow.getString("current_login_ip")).isEqualTo("192.0.2.10");
    assertThat(annRow.getString("current_login_at")).startsWith("2025-03-01T08:00:00");
    assertThat(
            report
                .getJsonObject("users")
                .getJsonObject("bob@example.com")
                .getString("password_scheme"))
        .isEqualTo("bcrypt");
    assertThat(whoami(report, "sign_in", 0)).isEqualTo("pat@example.com [editor] [content-edit]");
    assertThat(whoami(report, "sign_in", 1))
        .isEqualTo("bob@example.com [admin, user] [admin-read, admin-write, user-read]");
    assertThat(whoami(report, "tokens", 0))
        .isEqualTo("ann@example.com [admin] [admin-read, admin-write]");
    assertThat(whoami(report, "tokens", 1)).startsWith("bob@example.com");
    assertThat(whoami(report, "remember_cookies", 0)).startsWith("ann@example.com");
    int flaskId = report.getJsonObject("create").getInt("id");
    assertThat(flaskId).isEqualTo(8);

    UserRecord flo = byEmail("flo@example.com");
    assertThat(flo.id()).isEqualTo(flaskId);
    assertThat(flo.roles()).containsExactly("user");
    assertThat(login("flo@example.com", "Flo-Password-2025"))
        .isInstanceOf(LoginOutcome.Authenticated.class);
    UserRecord next =
        users
            .create(new NewUser("quin@example.com", null, null, true, null, Set.of()))
            .orElseThrow();
    assertThat(next.id()).isEqualTo(9);
  }

  @Test
  @Order(8)
  void adoptWhenIdsAreNotAssignedByTheDatabaseThenRefusesNamingTheColumn() throws SQLException {
    DataSource other = fixture.loadInto(database(), SCHEMA + "_ids");
    execute(other, idDefaultRemoval());

    assertThatThrownBy(() -> new SchemaMigrator().migrate(other, FSQLA_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'user'")
        .hasMessageContaining("'id'")
        .hasMessageContaining("assigned by the database");
  }

  @Test
  @Order(9)
  void adoptWhenRequiredColumnMissingFromFilledTableThenRefusesAndAddsNothing()
      throws SQLException {
    DataSource other = fixture.loadInto(database(), SCHEMA + "_cols");
    execute(other, "ALTER TABLE role DROP COLUMN name".replace("role", quote("role")));
    Set<String> before = SchemaSnapshot.of(other, FLASK_TABLES);

    assertThatThrownBy(() -> new SchemaMigrator().migrate(other, FSQLA_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'role'")
        .hasMessageContaining("'name'");
    if (adoption.vendor() == SchemaMigrator.Vendor.POSTGRESQL) {
      // One transaction: the columns added to the user table before the failure are gone too.
      assertThat(SchemaSnapshot.of(other, FLASK_TABLES)).isEqualTo(before);
    }
  }

  @Test
  @Order(10)
  void adoptWhenConfiguredTableAndColumnNamesThenUsesThem() throws SQLException {
    DataSource other = fixture.loadInto(database(), SCHEMA + "_names");
    execute(
        other,
        rename("user", "account"),
        rename("roles_users", "account_roles"),
        "ALTER TABLE " + quote("account") + " RENAME COLUMN active TO is_active",
        "ALTER TABLE " + quote("role") + " RENAME COLUMN name TO title");
    DatastoreNames names =
        DatastoreNames.of(
            DatastoreLayout.FSQLA_V3,
            Map.of(MappedTable.USER, "account", MappedTable.ROLES_USERS, "account_roles"),
            Map.of(
                MappedTable.USER, Map.of("active", "is_active", "username_lower", "login_lower"),
                MappedTable.ROLE, Map.of("name", "title")));

    SchemaMigrator.Result result = new SchemaMigrator().migrate(other, names);

    assertThat(result.adopted())
        .contains("account.email_lower", "account.login_lower")
        .doesNotContain("user", "account.is_active", "role.title");
    assertThat(SchemaSnapshot.tables(other)).doesNotContain("user", "roles_users");
    Map<String, Object> jpa = new HashMap<>(database().jpaProperties(SCHEMA + "_names"));
    jpa.putAll(providerProperties(names));
    jpa.put("eclipselink.session-name", getClass().getSimpleName() + "-names");
    EntityManagerFactory renamed = Persistence.createEntityManagerFactory(persistenceUnit(), jpa);
    try {
      StandaloneStores other2 =
          new StandaloneStores(renamed, clock, SqlNames.of(names, result.vendor()));
      assertThat(other2.users().findByIdentity(IdentityAttribute.EMAIL, "ANN@example.com", true))
          .map(UserRecord::roles)
          .contains(Set.of("admin", "user"));
      assertThat(other2.users().findByIdentity(IdentityAttribute.USERNAME, "BOB", true))
          .map(UserRecord::active)
          .contains(true);
      UserRecord dan =
          other2.users().findByIdentity(IdentityAttribute.EMAIL, "dan@example.com", false).get();
      assertThat(other2.users().setActive(dan.id(), true)).isTrue();
      assertThat(other2.roles().find("editor")).map(RoleRecord::name).contains("editor");
      UserRecord created =
          other2
              .users()
              .create(new NewUser("new@example.com", null, null, true, null, Set.of("user")))
              .orElseThrow();
      assertThat(created.id()).isEqualTo(7);
      assertThat(
              new IdentityLookup(other, SqlNames.of(names, result.vendor()))
                  .byTokenUniquifier(created.fsUniquifier()))
          .map(UserRecord::roles)
          .contains(Set.of("user"));
    } finally {
      renamed.close();
    }
  }

  // --- helpers ---

  private LoginOutcome login(String email, String password) {
    return LoginTestSupport.login(config, configuration, hasher, stores.users(), email, password);
  }

  private UserRecord byEmail(String email) {
    return stores.users().findByIdentity(IdentityAttribute.EMAIL, email, true).orElseThrow();
  }

  private AuthTokenCodec authTokens() {
    Map<TokenPurpose, String> salts = new EnumMap<>(TokenPurpose.class);
    configuration.salts().forEach((p, salt) -> salts.put(TokenPurpose.valueOf(p), salt));
    PurposeTokens purposes =
        new PurposeTokens(
            new TokenSigner(configuration.secretKey(), clock), TokenSalts.withOverrides(salts));
    return new AuthTokenCodec(purposes, clock);
  }

  /** The user a token names, by both look-ups (which must agree). */
  private UserRecord tokenUser(AuthTokenCodec tokens, String token) {
    AuthTokenResult result = tokens.parse(token, null);
    assertThat(result).isInstanceOf(AuthTokenResult.Valid.class);
    String uid = ((AuthTokenResult.Valid) result).uid();
    UserRecord viaJpa = stores.users().findByTokenUniquifier(uid).orElseThrow();
    assertThat(lookup.byTokenUniquifier(uid)).contains(viaJpa);
    return viaJpa;
  }

  private JsonObject flaskRequest() {
    JsonObjectBuilder request = Json.createObjectBuilder();
    request.add(
        "users",
        Json.createArrayBuilder()
            .add("ann@example.com")
            .add("bob@example.com")
            .add("pat@example.com"));
    request.add(
        "sign_in",
        Json.createArrayBuilder()
            .add(signIn("pat@example.com", "Pat-Password-2025"))
            .add(signIn("bob@example.com", fixture.user("bob@example.com").password())));
    request.add(
        "tokens",
        Json.createArrayBuilder()
            .add(fixture.user("ann@example.com").authToken())
            .add(fixture.user("bob@example.com").authToken()));
    request.add(
        "remember_cookies",
        Json.createArrayBuilder().add(fixture.user("ann@example.com").rememberCookie()));
    request.add(
        "create",
        Json.createObjectBuilder()
            .add("email", "flo@example.com")
            .add("password", "Flo-Password-2025")
            .add("roles", Json.createArrayBuilder().add("user")));
    return request.build();
  }

  private static JsonObjectBuilder signIn(String email, String password) {
    return Json.createObjectBuilder().add("email", email).add("password", password);
  }

  /** {@code email [roles] [permissions]} as Flask's /whoami answered, or its status. */
  private static String whoami(JsonObject report, String key, int index) {
    JsonObject entry = report.getJsonArray(key).getJsonObject(index);
    if (entry.getInt("status") != 200) {
      return "status " + entry.getInt("status");
    }
    JsonObject who = entry.getJsonObject("whoami");
    return who.getString("email")
        + " "
        + who.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString)
        + " "
        + who.getJsonArray("permissions").getValuesAs(jakarta.json.JsonString::getString);
  }

  private static Set<String> addedColumns(Set<String> added) {
    return added.stream()
        .filter(line -> line.startsWith("column user."))
        .map(line -> line.substring("column user.".length(), line.indexOf(' ', 12)))
        .collect(Collectors.toSet());
  }

  private String quote(String name) {
    String q = adoption.vendor().identifierQuote();
    return q + name + q;
  }

  private String idDefaultRemoval() {
    return adoption.vendor() == SchemaMigrator.Vendor.POSTGRESQL
        ? "ALTER TABLE \"user\" ALTER COLUMN id DROP DEFAULT"
        : "ALTER TABLE `user` MODIFY id INT NOT NULL";
  }

  private String rename(String from, String to) {
    return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
  }

  private static void execute(DataSource target, String... statements) throws SQLException {
    try (Connection c = target.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
