package dev.portcullis.impl.signin;

import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.AuthTokenCodec;
import dev.portcullis.spi.UserPayload;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;

/**
 * The {@code user} object of JSON answers: the application's {@link UserPayload} plus, when asked
 * for, {@code authentication_token} (Flask-Security {@code base_render_json} and {@code
 * UserMixin.get_auth_token}). The token is bound to {@code fs_token_uniquifier}, created on the fly
 * for users that lack one.
 */
@ApplicationScoped
public class UserJson {

  private UserPayload payload;
  private AuthTokenCodec tokens;
  private UserStore users;
  private AuthenticationConfig config;
  private Clock clock;

  /** For CDI. */
  protected UserJson() {}

  @Inject
  UserJson(
      UserPayload payload,
      AuthTokenCodec tokens,
      UserStore users,
      AuthenticationConfig config,
      Clock clock) {
    this.payload = payload;
    this.tokens = tokens;
    this.users = users;
    this.config = config;
    this.clock = clock;
  }

  /** The user object, with an auth token when {@code includeToken}. */
  public JsonObject of(UserRecord user, boolean includeToken) {
    JsonObjectBuilder builder = Jsons.object(payload.payload(user.toSecurityUser()));
    if (includeToken) {
      builder.add("authentication_token", tokenFor(user));
    }
    return builder.build();
  }

  /** A new auth token for the user. */
  public String tokenFor(UserRecord user) {
    String uid = user.fsTokenUniquifier();
    if (uid == null || uid.isEmpty()) {
      uid = users.rotateTokenUniquifier(user.id()).orElseThrow().fsTokenUniquifier();
    }
    return tokens.create(
        uid, config.tokenExpireWithin().map(within -> clock.instant().plus(within)).orElse(null));
  }
}
