package dev.portcullis.impl.token;

import jakarta.json.JsonValue;
import java.util.Objects;

/** Outcome of {@link AuthTokenCodec#parse}. */
public sealed interface AuthTokenResult {

  /** The one {@link Invalid} instance. */
  AuthTokenResult INVALID = new Invalid();

  /**
   * Signature, age and {@code exp} are fine. The caller still has to find an active user by this
   * uniquifier and run the application's {@code verify_auth_token} check.
   *
   * @param uid {@code fs_token_uniquifier} (or {@code fs_uniquifier} if the model has none)
   * @param payload the whole decoded payload (v5 object or legacy list), for that check
   */
  record Valid(String uid, JsonValue payload) implements AuthTokenResult {
    public Valid {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** Well-formed and correctly signed, but past {@code TOKEN_MAX_AGE} or its {@code exp}. */
  record Expired() implements AuthTokenResult {}

  /** Not an auth token we issued (bad signature, other purpose, wrong shape). */
  record Invalid() implements AuthTokenResult {}
}
