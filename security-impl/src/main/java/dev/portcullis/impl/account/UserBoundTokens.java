package dev.portcullis.impl.account;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenDataHash;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tokens bound to a user and to a hash of one of the user's values (Flask-Security spec §5.2, §5.4,
 * §11.4): {@code [fs_uniquifier, hash_data(value), extra?]}. Confirmation binds the email, reset
 * the password hash (so a reset token is single-use), change-email the old email. When the value
 * changes — or the uniquifier rotates — the token dies.
 */
@ApplicationScoped
public class UserBoundTokens {

  /** Hashed and thrown away when there is nothing to bind; as long as a bcrypt hash. */
  private static final String NO_VALUE = "$2b$12$" + "0".repeat(53);

  private PurposeTokens tokens;
  private TokenDataHash hashes;
  private UserStore users;

  /** For CDI. */
  protected UserBoundTokens() {}

  @Inject
  UserBoundTokens(PurposeTokens tokens, TokenDataHash hashes, UserStore users) {
    this.tokens = tokens;
    this.hashes = hashes;
    this.users = users;
  }

  /**
   * A new token.
   *
   * @param bound the value to bind ({@code null} is bound as JSON null, e.g. no password)
   * @param extra a third element such as the new email, or {@code null}
   */
  public String create(TokenPurpose purpose, UserRecord user, String bound, String extra) {
    JsonArrayBuilder payload = Jsons.array().add(user.fsUniquifier());
    if (bound == null) {
      payload.addNull();
      // Why: a token for a user without a password (the reset token) must cost what one with a
      // password costs, or its time tells passwordless accounts apart.
      hashes.hash(NO_VALUE);
    } else {
      payload.add(hashes.hash(bound));
    }
    if (extra != null) {
      payload.add(extra);
    }
    return tokens.sign(purpose, payload.build());
  }

  /** What a token is worth; {@code binding} gives the user's current bound value. */
  public Status check(
      TokenPurpose purpose, String token, Duration maxAge, Function<UserRecord, String> binding) {
    TokenCheck check = tokens.verify(purpose, token, maxAge);
    if (check instanceof TokenCheck.Valid valid) {
      return resolve(valid.payload(), binding, false);
    }
    if (check instanceof TokenCheck.Expired expired) {
      return resolve(expired.payload(), binding, true);
    }
    return Status.INVALID;
  }

  private Status resolve(JsonValue payload, Function<UserRecord, String> binding, boolean expired) {
    if (!(payload instanceof JsonArray array)
        || array.size() < 2
        || array.size() > 3
        || !(array.get(0) instanceof JsonString uid)) {
      return Status.INVALID;
    }
    String extra = array.size() == 3 && array.get(2) instanceof JsonString s ? s.getString() : null;
    Optional<UserRecord> user =
        users
            .findByUniquifier(uid.getString())
            .filter(u -> matches(array.get(1), binding.apply(u)));
    if (user.isEmpty()) {
      return Status.INVALID;
    }
    return expired ? new Status.Expired(user.get()) : new Status.Valid(user.get(), extra);
  }

  private boolean matches(JsonValue boundHash, String current) {
    if (boundHash == JsonValue.NULL) {
      return current == null;
    }
    return boundHash instanceof JsonString hash
        && current != null
        && hashes.verify(current, hash.getString());
  }

  /** The worth of a token. */
  public sealed interface Status {
    /** Bad signature, malformed, unknown user, or the bound value changed. */
    Status INVALID = new Invalid();

    /**
     * Valid.
     *
     * @param user the user
     * @param extra the third element, or {@code null}
     */
    record Valid(UserRecord user, String extra) implements Status {}

    /** Genuine and still bound, but too old. */
    record Expired(UserRecord user) implements Status {}

    /** Not valid. */
    record Invalid() implements Status {}
  }
}
