package dev.portcullis.impl.confirmation;

import dev.portcullis.impl.config.AccountConfig;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenDataHash;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Email confirmation tokens (Flask-Security {@code confirmable.generate_confirmation_token}, spec
 * §5.2): {@code [fs_uniquifier, hash_data(email)]} signed for purpose CONFIRM, valid for {@code
 * security.confirm_email_within}. Bound to the current email, so changing it kills the link.
 */
@ApplicationScoped
public class ConfirmationTokens {

  private PurposeTokens tokens;
  private TokenDataHash hashes;
  private UserStore users;
  private AccountConfig config;

  /** For CDI. */
  protected ConfirmationTokens() {}

  @Inject
  ConfirmationTokens(
      PurposeTokens tokens, TokenDataHash hashes, UserStore users, AccountConfig config) {
    this.tokens = tokens;
    this.hashes = hashes;
    this.users = users;
    this.config = config;
  }

  /** A new confirmation token for the user. */
  public String create(UserRecord user) {
    return tokens.sign(
        TokenPurpose.CONFIRM,
        Json.createArrayBuilder().add(user.fsUniquifier()).add(hashes.hash(user.email())).build());
  }

  /** What a presented token is worth. */
  public Status check(String token) {
    TokenCheck check = tokens.verify(TokenPurpose.CONFIRM, token, config.confirmEmailWithin());
    if (check instanceof TokenCheck.Valid valid) {
      return user(valid.payload()).<Status>map(Status.Valid::new).orElse(Status.INVALID);
    }
    if (check instanceof TokenCheck.Expired expired) {
      return user(expired.payload()).<Status>map(Status.Expired::new).orElse(Status.INVALID);
    }
    return Status.INVALID;
  }

  private Optional<UserRecord> user(JsonValue payload) {
    if (!(payload instanceof JsonArray array)
        || array.size() != 2
        || !(array.get(0) instanceof JsonString uid)
        || !(array.get(1) instanceof JsonString emailHash)) {
      return Optional.empty();
    }
    return users
        .findByUniquifier(uid.getString())
        .filter(u -> hashes.verify(u.email(), emailHash.getString()));
  }

  /** The worth of a token. */
  public sealed interface Status {
    /** Bad signature, unknown user or changed email. */
    Status INVALID = new Invalid();

    /** Valid for this user. */
    record Valid(UserRecord user) implements Status {}

    /** Genuine but too old. */
    record Expired(UserRecord user) implements Status {}

    /** Not valid. */
    record Invalid() implements Status {}
  }
}
