package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The state of a method being set up, carried in {@code /us-setup/<state>} (spec §5.8): signed with
 * the {@code us-setup} purpose and good for {@code security.us_setup_within}. It holds Flask's
 * three keys ({@code totp_secret} — wallet-encrypted —, {@code chosen_method}, {@code
 * phone_number}) plus the user's {@code fs_uniquifier}, so a state made for one user is refused for
 * any other and dies with a password change or {@code reset_access}.
 */
@ApplicationScoped
public class UsSetupStates {

  @Inject PurposeTokens tokens;
  @Inject UnifiedSigninConfig config;

  /** A state read back. */
  public sealed interface Read {
    /** Valid and the caller's. */
    record Valid(String secret, String method, String phone) implements Read {}

    /** Older than {@code security.us_setup_within}. */
    record Expired() implements Read {}

    /** Forged, malformed, or another user's. */
    record Invalid() implements Read {}
  }

  /** The signed state of {@code user} setting up {@code method}. */
  public String create(UserRecord user, String method, String secret, String phone) {
    JsonObjectBuilder state =
        Jsons.object()
            .add("totp_secret", secret)
            .add("chosen_method", method)
            .add("uid", user.fsUniquifier());
    if (phone == null) {
      state.addNull("phone_number");
    } else {
      state.add("phone_number", phone);
    }
    return tokens.sign(TokenPurpose.US_SETUP, state.build());
  }

  /** Reads {@code token} for {@code user}. */
  public Read read(String token, UserRecord user) {
    TokenCheck check = tokens.verify(TokenPurpose.US_SETUP, token, config.setupWithin());
    if (check instanceof TokenCheck.Expired) {
      return new Read.Expired();
    }
    if (!(check instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonObject state)
        || !(state.get("totp_secret") instanceof JsonString secret)
        || !(state.get("chosen_method") instanceof JsonString method)
        || !(state.get("uid") instanceof JsonString uid)
        || !MessageDigest.isEqual(
            uid.getString().getBytes(StandardCharsets.UTF_8),
            user.fsUniquifier().getBytes(StandardCharsets.UTF_8))) {
      return new Read.Invalid();
    }
    String phone =
        state.get("phone_number") instanceof JsonString number ? number.getString() : null;
    return new Read.Valid(secret.getString(), method.getString(), phone);
  }
}
