package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What {@link InMemoryUserStore} offers beyond the SPI contract (which the contract test covers).
 */
class InMemoryUserStoreTest {

  private final SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");
  private final InMemoryRoleStore roles = new InMemoryRoleStore();
  private final InMemoryUserStore users = new InMemoryUserStore(roles, clock);

  private UserRecord create(String email) {
    return users.create(new NewUser(email, null, null, true, null, Set.of())).orElseThrow();
  }

  @Test
  void resetAccessWhenSecondFactorsSetThenClearsThem() {
    long id = create("ann@example.com").id();
    assertThat(users.setTwoFactor(id, "authenticator", "secret", "+15550001")).isTrue();
    assertThat(users.setUnifiedSignIn(id, "{\"email\":\"s\"}", "+15550002")).isTrue();
    assertThat(users.setRecoveryCodes(id, List.of("a", "b"))).isTrue();
    UserRecord before = users.findById(id).orElseThrow();
    assertThat(before.tfPrimaryMethod()).isEqualTo("authenticator");
    assertThat(before.tfTotpSecret()).isEqualTo("secret");
    assertThat(before.tfPhoneNumber()).isEqualTo("+15550001");
    assertThat(before.usTotpSecrets()).isEqualTo("{\"email\":\"s\"}");
    assertThat(before.mfRecoveryCodes()).containsExactly("a", "b");

    users.resetAccess(id);

    UserRecord after = users.findById(id).orElseThrow();
    assertThat(after.tfPrimaryMethod()).isNull();
    assertThat(after.tfTotpSecret()).isNull();
    assertThat(after.tfPhoneNumber()).isNull();
    assertThat(after.usTotpSecrets()).isNull();
    assertThat(after.usPhoneNumber()).isNull();
    assertThat(after.mfRecoveryCodes()).isEmpty();
  }

  @Test
  void setUnifiedSignInWhenPhoneSetThenFindsByPhoneAndRefusesDuplicates() {
    long ann = create("ann@example.com").id();
    long bob = create("bob@example.com").id();

    users.setUnifiedSignIn(ann, null, "+15550002");

    assertThat(users.findByIdentity(IdentityAttribute.US_PHONE_NUMBER, "+15550002", false))
        .map(UserRecord::id)
        .contains(ann);
    assertThatThrownBy(() -> users.setUnifiedSignIn(bob, null, "+15550002"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(users.setUnifiedSignIn(Long.MAX_VALUE, null, null)).isFalse();
  }

  @Test
  void allWhenSeveralThenOrderedByIdAndClearEmptiesWithoutReusingIds() {
    long ann = create("ann@example.com").id();
    long bob = create("bob@example.com").id();

    assertThat(users.all()).extracting(UserRecord::id).containsExactly(ann, bob);
    users.clear();
    assertThat(users.all()).isEmpty();
    assertThat(create("ann@example.com").id()).isGreaterThan(bob);
  }

  @Test
  void changeEmailWhenNullThenIllegalArgument() {
    long id = create("ann@example.com").id();

    assertThatThrownBy(() -> users.changeEmail(id, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createWhenManyThreadsRegisterTheSameEmailsThenEachEmailOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String email = "user" + (i % 50) + "@example.com";
        tasks.add(
            () -> users.create(new NewUser(email, null, null, true, null, Set.of())).isPresent());
      }
      long created = 0;
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        created += result.get() ? 1 : 0;
      }
      assertThat(created).isEqualTo(50);
      assertThat(users.all()).hasSize(50);
      assertThat(users.all()).extracting(UserRecord::fsUniquifier).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }
}
