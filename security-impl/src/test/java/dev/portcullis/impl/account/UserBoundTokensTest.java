package dev.portcullis.impl.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.account.AccountWork.Work;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserBoundTokensTest {

  private final AccountWork work = new AccountWork(Map.of());

  @Test
  void createWhenNoBoundValueThenSameHashWorkAndStillBoundToNull() {
    UserRecord user = work.addUser("ann@example.com", true, true);
    String[] token = new String[1];

    Work bound = work.measure(() -> work.tokens.create(TokenPurpose.RESET, user, "hash", null));
    Work unbound =
        work.measure(() -> token[0] = work.tokens.create(TokenPurpose.RESET, user, null, null));

    // Why: a reset for a user without a password must not be cheaper than for one with.
    assertThat(unbound.tokenSaltDraws()).isPositive().isEqualTo(bound.tokenSaltDraws());
    assertThat(work.tokens.check(TokenPurpose.RESET, token[0], Duration.ofHours(1), u -> null))
        .isInstanceOf(UserBoundTokens.Status.Valid.class);
    assertThat(work.tokens.check(TokenPurpose.RESET, token[0], Duration.ofHours(1), u -> "hash"))
        .isEqualTo(UserBoundTokens.Status.INVALID);
  }
}
