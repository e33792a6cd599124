package dev.portcullis.impl.signin;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs and reads the pending state of a sign-in waiting for its second factor. The state names the
 * user by {@code fs_uniquifier}, so it dies with a password change or {@code reset_access}, and
 * carries its own purpose, so no other token validates as one.
 */
@ApplicationScoped
class PendingSignIns {

  /** How long a first factor stays good while the second is entered. */
  static final Duration WITHIN = Duration.ofMinutes(10);

  private PurposeTokens tokens;
  private UserStore users;

  /** For CDI. */
  protected PendingSignIns() {}

  @Inject
  PendingSignIns(PurposeTokens tokens, UserStore users) {
    this.tokens = tokens;
    this.users = users;
  }

  String create(PrimaryAuthentication primary) {
    return tokens.sign(
        TokenPurpose.SIGNIN_PENDING,
        Jsons.array()
            .add(primary.user().fsUniquifier())
            .add(primary.method())
            .add(primary.remember())
            .build());
  }

  Optional<PendingSignIn> read(String token) {
    if (!(tokens.verify(TokenPurpose.SIGNIN_PENDING, token, WITHIN)
            instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonArray state)
        || state.size() != 3) {
      return Optional.empty();
    }
    Optional<UserRecord> user =
        users.findByUniquifier(state.getString(0, "")).filter(UserRecord::active);
    return user.map(
        u -> new PendingSignIn(u, state.getString(1, ""), state.get(2).equals(JsonValue.TRUE)));
  }
}
