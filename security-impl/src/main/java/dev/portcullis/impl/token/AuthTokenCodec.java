package dev.portcullis.impl.token;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flask-Security authentication tokens (behaviour spec §5.5): {@code UserMixin.get_auth_token} and
 * the token half of {@code _request_loader} in {@code flask_security/core.py}, 5.4 format.
 *
 * <p>A new token carries {@code {"ver":"5","uid":<uid>,"sid":0,"exp":<epoch seconds or 0>}}, signed
 * for {@link TokenPurpose#AUTH}. Parsing also accepts the legacy list payloads: version 4 {@code
 * [uid]} and version 3 {@code [id, password, uid]}.
 *
 * <p>This class only decides what the token says. Looking the user up by the uniquifier, checking
 * that the user is active and the application's {@code verify_auth_token} hook happen in the
 * authentication mechanism; any failure there must, like here, just mean "not authenticated".
 */
public final class AuthTokenCodec {

  private static final List<String> V5_KEYS = List.of("ver", "uid", "exp", "sid");

  /** Bound of {@link #verified}; when full it is emptied (tokens are cheap to verify again). */
  static final int VERIFIED_CACHE_SIZE = 10_000;

  /**
   * Tokens whose signature already checked out, with their payload and signing time. A signature is
   * a pure function of the token and the key, so re-checking it on every request of the same client
   * is wasted work (HMAC, base64, JSON). Expiry is still decided on every use, and only genuine
   * tokens get here, so an attacker cannot fill it with garbage. Revocation is unaffected: it works
   * through the user look-up that follows.
   */
  private final Map<String, TokenCheck.Valid> verified = new ConcurrentHashMap<>();

  private final PurposeTokens tokens;
  private final Clock clock;

  public AuthTokenCodec(PurposeTokens tokens, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token without an absolute expiry ({@code "exp":0}). */
  public String create(String uid) {
    return create(uid, null);
  }

  /**
   * A token for {@code uid}.
   *
   * @param expiresAt absolute expiry ({@code TOKEN_EXPIRE_TIMESTAMP}), or {@code null} for none
   */
  public String create(String uid, Instant expiresAt) {
    Objects.requireNonNull(uid, "uid");
    JsonObject payload =
        Jsons.object()
            .add("ver", "5")
            .add("uid", uid)
            .add("sid", 0)
            .add("exp", expiresAt == null ? 0 : expiresAt.getEpochSecond())
            .build();
    return tokens.sign(TokenPurpose.AUTH, payload);
  }

  /**
   * Checks a presented token.
   *
   * @param maxAge {@code TOKEN_MAX_AGE}, or {@code null} for unlimited
   */
  public AuthTokenResult parse(String token, Duration maxAge) {
    TokenCheck.Valid known = token == null ? null : verified.get(token);
    if (known != null) {
      return tooOld(known.issuedAt(), maxAge)
          ? new AuthTokenResult.Expired()
          : fromPayload(known.payload());
    }
    TokenCheck check = tokens.verify(TokenPurpose.AUTH, token, maxAge);
    if (check instanceof TokenCheck.Valid valid) {
      remember(token, valid);
      return fromPayload(valid.payload());
    }
    if (check instanceof TokenCheck.Expired expired && uidOf(expired.payload()).isPresent()) {
      return new AuthTokenResult.Expired();
    }
    return AuthTokenResult.INVALID;
  }

  private void remember(String token, TokenCheck.Valid valid) {
    if (verified.size() >= VERIFIED_CACHE_SIZE) {
      verified.clear();
    }
    verified.put(token, valid);
  }

  /** The signer's rule: older than {@code maxAge}, or signed in the future. */
  private boolean tooOld(Instant issuedAt, Duration maxAge) {
    if (maxAge == null) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - issuedAt.getEpochSecond();
    return age < 0 || Duration.ofSeconds(age).compareTo(maxAge) > 0;
  }

  private AuthTokenResult fromPayload(JsonValue payload) {
    Optional<String> uid = uidOf(payload);
    if (uid.isEmpty()) {
      return AuthTokenResult.INVALID;
    }
    if (payload instanceof JsonObject object) {
      Optional<Boolean> passed = expiryPassed(object.get("exp"));
      if (passed.isEmpty()) {
        return AuthTokenResult.INVALID;
      }
      if (passed.get()) {
        return new AuthTokenResult.Expired();
      }
    }
    return new AuthTokenResult.Valid(uid.get(), payload);
  }

  /** v5: object with all four keys; v4: {@code [uid]}; v3: {@code [id, password, uid]}. */
  private static Optional<String> uidOf(JsonValue payload) {
    JsonValue uid = null;
    if (payload instanceof JsonObject object && object.keySet().containsAll(V5_KEYS)) {
      uid = object.get("uid");
    } else if (payload instanceof JsonArray array && (array.size() == 1 || array.size() == 3)) {
      uid = array.get(array.size() - 1);
    }
    return uid instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  /**
   * Whether {@code exp} lies in the past ({@code exp and exp < time.time()}); 0 and null mean no
   * expiry; any other non-number makes the token malformed (empty).
   */
  private Optional<Boolean> expiryPassed(JsonValue exp) {
    JsonValue.ValueType type = exp.getValueType();
    if (type == JsonValue.ValueType.NULL || type == JsonValue.ValueType.FALSE) {
      return Optional.of(false);
    }
    if (!(exp instanceof JsonNumber number)) {
      return Optional.empty();
    }
    BigDecimal expiry = number.bigDecimalValue();
    Instant now = clock.instant();
    BigDecimal nowSeconds =
        BigDecimal.valueOf(now.getEpochSecond(), 0).add(BigDecimal.valueOf(now.getNano(), 9));
    return Optional.of(expiry.signum() != 0 && expiry.compareTo(nowSeconds) < 0);
  }
}
