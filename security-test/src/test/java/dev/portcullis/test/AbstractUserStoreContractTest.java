package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleStore;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserStore} must do (the contract in its Javadoc, and Flask-Security's {@code
 * UserDatastore} behaviour), written once and run against the in-memory double ({@code
 * InMemoryUserStoreContractTest}) and the JPA default (in {@code security-impl}), so the double is
 * known to behave as the real store. An application with its own {@link UserStore} can extend this
 * class too (it ships in {@code security-test}'s test-jar).
 *
 * <p>Times are whole microseconds, the finest resolution SQL databases keep.
 */
public abstract class AbstractUserStoreContractTest {

  /** When every test starts. */
  protected static final Instant START = Instant.parse("2024-05-01T10:15:30.123456Z");

  private static final String HASH = "$2b$04$abcdefghijklmnopqrstuuJ0WqKx6PNT5lbJQiZ4m3uq7mFDeVVAW";
  private static final String HEX32 = "[0-9a-f]{32}";

  private final SettableClock clock = new SettableClock(START);
  private UserStore users;
  private RoleStore roles;

  /**
   * Empty stores, fresh for each test, sharing their data as the application's stores do.
   *
   * @param users a user store whose roles are those of {@code roles}
   * @param roles the role store
   */
  public record Stores(UserStore users, RoleStore roles) {}

  /** Empty stores that stamp times from {@code clock}. */
  protected abstract Stores emptyStores(Clock clock);

  @BeforeEach
  void open() {
    Stores stores = emptyStores(clock);
    users = stores.users();
    roles = stores.roles();
  }

  // --- create and find ---

  @Test
  void createWhenNewThenFreshUniquifiersStampsAndNoTracking() {
    UserRecord ann =
        users
            .create(new NewUser("Ann@example.com", "ann", HASH, true, null, Set.of()))
            .orElseThrow();

    assertThat(ann.id()).isPositive();
    assertThat(ann.email()).isEqualTo("Ann@example.com");
    assertThat(ann.username()).isEqualTo("ann");
    assertThat(ann.password()).isEqualTo(HASH);
    assertThat(ann.active()).isTrue();
    assertThat(ann.confirmedAt()).isNull();
    assertThat(ann.fsUniquifier()).matches(HEX32);
    assertThat(ann.fsTokenUniquifier()).matches(HEX32).isNotEqualTo(ann.fsUniquifier());
    assertThat(ann.fsWebauthnUserHandle()).matches(HEX32);
    assertThat(ann.createDatetime()).isEqualTo(START);
    assertThat(ann.updateDatetime()).isEqualTo(START);
    assertThat(ann.loginCount()).isZero();
    assertThat(ann.lastLoginAt()).isNull();
    assertThat(ann.currentLoginIp()).isNull();
    assertThat(ann.tfPrimaryMethod()).isNull();
    assertThat(ann.usPhoneNumber()).isNull();
    assertThat(ann.mfRecoveryCodes()).isEmpty();
    assertThat(ann.roles()).isEmpty();
    assertThat(users.findById(ann.id())).contains(ann);
  }

  @Test
  void createWhenTwoUsersThenDistinctIdsAndUniquifiers() {
    UserRecord ann = create("ann@example.com", null);
    UserRecord bob = create("bob@example.com", null);

    assertThat(bob.id()).isNotEqualTo(ann.id());
    assertThat(bob.fsUniquifier()).isNotEqualTo(ann.fsUniquifier());
    assertThat(bob.fsTokenUniquifier()).isNotEqualTo(ann.fsTokenUniquifier());
  }

  @Test
  void createWhenInactiveConfirmedAndWithoutPasswordThenStoredAsGiven() {
    Instant confirmed = Instant.parse("2024-04-30T08:00:00.5Z");

    UserRecord ann =
        users
            .create(new NewUser("ann@example.com", null, null, false, confirmed, Set.of()))
            .orElseThrow();

    assertThat(ann.active()).isFalse();
    assertThat(ann.confirmedAt()).isEqualTo(confirmed);
    assertThat(ann.hasPassword()).isFalse();
    assertThat(ann.username()).isNull();
  }

  @Test
  void createWhenRolesGivenThenRolesAndUnionOfTheirPermissions() {
    roles.create("admin", null, Set.of("admin-read", "admin-write"));
    roles.create("user", null, Set.of("read"));

    UserRecord ann =
        users
            .create(new NewUser("ann@example.com", null, HASH, true, null, Set.of("admin", "user")))
            .orElseThrow();

    assertThat(ann.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(ann.permissions()).containsExactlyInAnyOrder("admin-read", "admin-write", "read");
    assertThat(users.findByUniquifier(ann.fsUniquifier()).orElseThrow().permissions())
        .isEqualTo(ann.permissions());
  }

  @Test
  void createWhenEmailOrUsernameTakenInAnyCaseThenEmptyAndNothingWritten() {
    create("ann@example.com", "ann");

    assertThat(users.create(newUser("ANN@Example.com", "other"))).isEmpty();
    assertThat(users.create(newUser("other@example.com", "ANN"))).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "other@example.com", true)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.USERNAME, "other", true)).isEmpty();
  }

  @Test
  void createWhenRoleUnknownThenEmptyAndNothingWritten() {
    roles.create("user", null, Set.of());

    assertThat(
            users.create(
                new NewUser("ann@example.com", null, HASH, true, null, Set.of("user", "nope"))))
        .isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.com", true)).isEmpty();
  }

  @Test
  void createWhenEmailBlankThenIllegalArgument() {
    assertThatThrownBy(() -> users.create(newUser(" ", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findByIdentityWhenCaseInsensitiveThenAnyCaseElseExact() {
    UserRecord ann = create("Ann@Example.com", "Ann");

    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.COM", true))
        .map(UserRecord::id)
        .contains(ann.id());
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.com", false)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "Ann@Example.com", false))
        .map(UserRecord::id)
        .contains(ann.id());
    assertThat(users.findByIdentity(IdentityAttribute.USERNAME, "ANN", true))
        .map(UserRecord::id)
        .contains(ann.id());
    assertThat(users.findByIdentity(IdentityAttribute.USERNAME, "ann", false)).isEmpty();
  }

  @Test
  void findWhenUnknownOrNullThenEmpty() {
    create("ann@example.com", null);

    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "bob@example.com", true)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, null, true)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.USERNAME, "ann", true)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.US_PHONE_NUMBER, "+15551234", true))
        .isEmpty();
    assertThat(users.findByUniquifier("0".repeat(32))).isEmpty();
    assertThat(users.findByTokenUniquifier("0".repeat(32))).isEmpty();
    assertThat(users.findById(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void findByUniquifiersWhenCurrentThenSameUser() {
    UserRecord ann = create("ann@example.com", null);

    assertThat(users.findByUniquifier(ann.fsUniquifier())).contains(ann);
    assertThat(users.findByTokenUniquifier(ann.fsTokenUniquifier())).contains(ann);
    assertThat(users.findByUniquifier(ann.fsTokenUniquifier())).isEmpty();
  }

  // --- changes ---

  @Test
  void deleteWhenUserHasRolesThenUserGoneAndRoleKept() {
    roles.create("admin", null, Set.of());
    UserRecord ann =
        users
            .create(new NewUser("ann@example.com", null, HASH, true, null, Set.of("admin")))
            .orElseThrow();

    assertThat(users.delete(ann.id())).isTrue();
    assertThat(users.delete(ann.id())).isFalse();
    assertThat(users.findById(ann.id())).isEmpty();
    assertThat(users.findByUniquifier(ann.fsUniquifier())).isEmpty();
    assertThat(roles.find("admin")).isPresent();
    assertThat(users.create(newUser("ann@example.com", null))).isPresent();
  }

  @Test
  void setActiveWhenChangedThenTrueElseFalse() {
    long id = create("ann@example.com", null).id();

    assertThat(users.setActive(id, true)).isFalse();
    assertThat(users.setActive(id, false)).isTrue();
    assertThat(users.findById(id).orElseThrow().active()).isFalse();
    assertThat(users.setActive(id, false)).isFalse();
    assertThat(users.setActive(id, true)).isTrue();
    assertThat(users.setActive(Long.MAX_VALUE, false)).isFalse();
  }

  @Test
  void setPasswordWhenUserExistsThenStoredAndNullRemovesIt() {
    long id = create("ann@example.com", null).id();
    String other = "$2b$04$ZYXWVUTSRQPONMLKJIHGFe8Vz3zjYNaW2m2I1pgJtHmSTw9zgmm1a";

    assertThat(users.setPassword(id, other)).isTrue();
    assertThat(users.findById(id).orElseThrow().password()).isEqualTo(other);
    assertThat(users.setPassword(id, null)).isTrue();
    assertThat(users.findById(id).orElseThrow().hasPassword()).isFalse();
    assertThat(users.setPassword(Long.MAX_VALUE, other)).isFalse();
  }

  @Test
  void changeWhenClockMovedThenUpdateStampedAndCreationKept() {
    long id = create("ann@example.com", null).id();
    Instant later = clock.advance(Duration.ofMinutes(5).plusNanos(1_000));

    users.setPassword(id, null);

    UserRecord ann = users.findById(id).orElseThrow();
    assertThat(ann.updateDatetime()).isEqualTo(later);
    assertThat(ann.createDatetime()).isEqualTo(START);
  }

  @Test
  void rotateUniquifierWhenCalledThenOldValueNoLongerFinds() {
    UserRecord ann = create("ann@example.com", null);

    UserRecord rotated = users.rotateUniquifier(ann.id()).orElseThrow();

    assertThat(rotated.fsUniquifier()).matches(HEX32).isNotEqualTo(ann.fsUniquifier());
    assertThat(rotated.fsTokenUniquifier()).isEqualTo(ann.fsTokenUniquifier());
    assertThat(users.findByUniquifier(ann.fsUniquifier())).isEmpty();
    assertThat(users.findByUniquifier(rotated.fsUniquifier())).contains(rotated);
    assertThat(users.rotateUniquifier(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void rotateTokenUniquifierWhenCalledThenOldTokenIdentityNoLongerFinds() {
    UserRecord ann = create("ann@example.com", null);

    UserRecord rotated = users.rotateTokenUniquifier(ann.id()).orElseThrow();

    assertThat(rotated.fsTokenUniquifier()).matches(HEX32).isNotEqualTo(ann.fsTokenUniquifier());
    assertThat(rotated.fsUniquifier()).isEqualTo(ann.fsUniquifier());
    assertThat(users.findByTokenUniquifier(ann.fsTokenUniquifier())).isEmpty();
    assertThat(users.findByTokenUniquifier(rotated.fsTokenUniquifier())).contains(rotated);
    assertThat(users.rotateTokenUniquifier(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void changeEmailWhenAddressFreeThenChangedAndConfirmed() {
    UserRecord ann = create("ann@example.com", null);
    Instant confirmed = Instant.parse("2024-05-02T09:00:00.000001Z");

    assertThat(users.changeEmail(ann.id(), "ann@new.example", confirmed)).isTrue();

    UserRecord changed = users.findById(ann.id()).orElseThrow();
    assertThat(changed.email()).isEqualTo("ann@new.example");
    assertThat(changed.confirmedAt()).isEqualTo(confirmed);
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.com", true)).isEmpty();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ANN@new.example", true))
        .map(UserRecord::id)
        .contains(ann.id());
  }

  @Test
  void changeEmailWhenAnotherUserHasAddressInAnyCaseThenFalseAndUnchanged() {
    UserRecord ann = create("ann@example.com", null);
    create("bob@example.com", null);

    assertThat(users.changeEmail(ann.id(), "BOB@example.com", START)).isFalse();

    UserRecord unchanged = users.findById(ann.id()).orElseThrow();
    assertThat(unchanged.email()).isEqualTo("ann@example.com");
    assertThat(unchanged.confirmedAt()).isNull();
  }

  @Test
  void changeEmailWhenOwnAddressInOtherCaseThenChanged() {
    UserRecord ann = create("ann@example.com", null);

    assertThat(users.changeEmail(ann.id(), "Ann@example.com", START)).isTrue();
    assertThat(users.findById(ann.id()).orElseThrow().email()).isEqualTo("Ann@example.com");
  }

  @Test
  void changeEmailWhenUserUnknownThenFalse() {
    assertThat(users.changeEmail(Long.MAX_VALUE, "ann@example.com", START)).isFalse();
    assertThat(users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.com", true)).isEmpty();
  }

  @Test
  void setConfirmedAtWhenUserExistsThenStoredAndNullClears() {
    long id = create("ann@example.com", null).id();
    Instant confirmed = Instant.parse("2024-05-02T08:00:00.5Z");

    assertThat(users.setConfirmedAt(id, confirmed)).isTrue();
    assertThat(users.findById(id).orElseThrow().confirmedAt()).isEqualTo(confirmed);
    assertThat(users.setConfirmedAt(id, null)).isTrue();
    assertThat(users.findById(id).orElseThrow().confirmedAt()).isNull();
    assertThat(users.setConfirmedAt(Long.MAX_VALUE, confirmed)).isFalse();
  }

  @Test
  void recordLoginWhenFirstAndSecondLoginThenTracksLikeFlask() {
    long id = create("ann@example.com", null).id();
    Instant first = Instant.parse("2024-05-02T08:00:00Z");
    Instant second = Instant.parse("2024-05-03T09:30:00.000001Z");

    assertThat(users.recordLogin(id, first, "10.0.0.1")).isTrue();
    UserRecord once = users.findById(id).orElseThrow();
    assertThat(once.lastLoginAt()).isEqualTo(first);
    assertThat(once.currentLoginAt()).isEqualTo(first);
    assertThat(once.lastLoginIp()).isEqualTo("10.0.0.1");
    assertThat(once.currentLoginIp()).isEqualTo("10.0.0.1");
    assertThat(once.loginCount()).isEqualTo(1);

    assertThat(users.recordLogin(id, second, "10.0.0.2")).isTrue();
    UserRecord twice = users.findById(id).orElseThrow();
    assertThat(twice.lastLoginAt()).isEqualTo(first);
    assertThat(twice.currentLoginAt()).isEqualTo(second);
    assertThat(twice.lastLoginIp()).isEqualTo("10.0.0.1");
    assertThat(twice.currentLoginIp()).isEqualTo("10.0.0.2");
    assertThat(twice.loginCount()).isEqualTo(2);
    assertThat(users.recordLogin(Long.MAX_VALUE, second, "10.0.0.2")).isFalse();
  }

  @Test
  void resetAccessWhenCalledThenBothUniquifiersRotateAndPasswordAndRolesStay() {
    roles.create("admin", null, Set.of("read"));
    UserRecord ann =
        users
            .create(new NewUser("ann@example.com", null, HASH, true, START, Set.of("admin")))
            .orElseThrow();

    assertThat(users.resetAccess(ann.id())).isTrue();

    UserRecord reset = users.findById(ann.id()).orElseThrow();
    assertThat(reset.fsUniquifier()).matches(HEX32).isNotEqualTo(ann.fsUniquifier());
    assertThat(reset.fsTokenUniquifier()).matches(HEX32).isNotEqualTo(ann.fsTokenUniquifier());
    assertThat(reset.fsWebauthnUserHandle()).isEqualTo(ann.fsWebauthnUserHandle());
    assertThat(reset.password()).isEqualTo(HASH);
    assertThat(reset.roles()).containsExactly("admin");
    assertThat(reset.tfPrimaryMethod()).isNull();
    assertThat(reset.mfRecoveryCodes()).isEmpty();
    assertThat(users.findByUniquifier(ann.fsUniquifier())).isEmpty();
    assertThat(users.resetAccess(Long.MAX_VALUE)).isFalse();
  }

  // --- roles of users ---

  @Test
  void addRoleWhenRoleKnownThenGrantedOnceAndRemovable() {
    roles.create("admin", null, Set.of("admin-read"));
    long id = create("ann@example.com", null).id();

    assertThat(users.addRole(id, "admin")).isTrue();
    assertThat(users.addRole(id, "admin")).isFalse();
    assertThat(users.addRole(id, "nope")).isFalse();
    assertThat(users.addRole(Long.MAX_VALUE, "admin")).isFalse();
    assertThat(users.findById(id).orElseThrow().roles()).containsExactly("admin");
    assertThat(users.findById(id).orElseThrow().permissions()).containsExactly("admin-read");

    assertThat(users.removeRole(id, "admin")).isTrue();
    assertThat(users.removeRole(id, "admin")).isFalse();
    assertThat(users.removeRole(id, "nope")).isFalse();
    assertThat(users.removeRole(Long.MAX_VALUE, "admin")).isFalse();
    assertThat(users.findById(id).orElseThrow().roles()).isEmpty();
    assertThat(users.findById(id).orElseThrow().permissions()).isEmpty();
  }

  @Test
  void permissionsWhenRoleChangesThenUsersSeeItOnNextRead() {
    roles.create("editor", null, Set.of("read"));
    UserRecord ann =
        users
            .create(new NewUser("ann@example.com", null, HASH, true, null, Set.of("editor")))
            .orElseThrow();

    roles.addPermissions("editor", Set.of("write"));
    assertThat(users.findById(ann.id()).orElseThrow().permissions())
        .containsExactlyInAnyOrder("read", "write");

    roles.removePermissions("editor", Set.of("read"));
    assertThat(users.findByUniquifier(ann.fsUniquifier()).orElseThrow().permissions())
        .containsExactly("write");
  }

  // --- helpers ---

  private static NewUser newUser(String email, String username) {
    return new NewUser(email, username, HASH, true, null, Set.of());
  }

  private UserRecord create(String email, String username) {
    return users.create(newUser(email, username)).orElseThrow();
  }
}
