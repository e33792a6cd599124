package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs and reads WebAuthn state tokens (spec §5.9) with the {@code wan-salt} purpose: {@code
 * security.wan_register_within} for registrations, {@code security.wan_signin_within} otherwise.
 * Plain Java, so services and their tests share it.
 */
public final class WanStates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PurposeTokens tokens;
  private final WebAuthnConfig config;

  public WanStates(PurposeTokens tokens, WebAuthnConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  /** A state read back. */
  public sealed interface Read {
    /** Valid, of the expected ceremony, and made for the expected user. */
    record Valid(WanState state) implements Read {}

    /** Older than its lifetime. */
    record Expired(Duration within) implements Read {}

    /** Forged, malformed, another ceremony's or another user's. */
    record Invalid() implements Read {}
  }

  /**
   * A fresh challenge: {@code security.wan_challenge_bytes} random bytes as URL-safe text (Python's
   * {@code secrets.token_urlsafe}).
   */
  public String newChallenge() {
    byte[] bytes = new byte[config.challengeBytes()];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Signs a state; {@code expiresAt} of the argument is ignored (the token's age decides). */
  public String sign(WanState state) {
    JsonObjectBuilder body =
        Jsons.object()
            .add("challenge", state.challenge())
            .add("user_verification", state.userVerification())
            .add("ceremony", state.ceremony().name().toLowerCase(Locale.ROOT))
            .add("remember", state.remember());
    state.uid().ifPresent(v -> body.add("uid", v));
    state.name().ifPresent(v -> body.add("name", v));
    state.usage().ifPresent(v -> body.add("usage", v));
    state.userHandle().ifPresent(v -> body.add("user_handle", v));
    return tokens.sign(TokenPurpose.WEBAUTHN, body.build());
  }

  /**
   * Reads {@code token}, which must be of {@code ceremony} and made for {@code user} (empty: made
   * for nobody).
   */
  public Read read(String token, WanState.Ceremony ceremony, Optional<UserRecord> user) {
    Duration within =
        ceremony == WanState.Ceremony.REGISTER ? config.registerWithin() : config.signinWithin();
    TokenCheck check = tokens.verify(TokenPurpose.WEBAUTHN, token, within);
    if (check instanceof TokenCheck.Expired) {
      return new Read.Expired(within);
    }
    if (!(check instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonObject body)
        || !(body.get("challenge") instanceof JsonString challenge)
        || !ceremony.name().toLowerCase(Locale.ROOT).equals(text(body, "ceremony").orElse(""))
        || !sameUser(text(body, "uid"), user)) {
      return new Read.Invalid();
    }
    return new Read.Valid(
        new WanState(
            ceremony,
            challenge.getString(),
            body.get("user_verification") == JsonValue.TRUE,
            text(body, "uid"),
            text(body, "name"),
            text(body, "usage"),
            text(body, "user_handle"),
            body.get("remember") == JsonValue.TRUE,
            valid.issuedAt().plus(within).plusSeconds(1)));
  }

  /** Constant-time: a uniquifier is a secret of its session. */
  private static boolean sameUser(Optional<String> uid, Optional<UserRecord> user) {
    if (uid.isEmpty() || user.isEmpty()) {
      return uid.isEmpty() && user.isEmpty();
    }
    return MessageDigest.isEqual(
        uid.get().getBytes(StandardCharsets.UTF_8),
        user.get().fsUniquifier().getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> text(JsonObject body, String key) {
    return body.get(key) instanceof JsonString value
        ? Optional.of(value.getString())
        : Optional.empty();
  }
}
