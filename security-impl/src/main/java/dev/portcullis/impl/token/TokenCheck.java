package dev.portcullis.impl.token;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * Outcome of {@link TokenSigner#verify}: the three cases itsdangerous distinguishes (a good token,
 * {@code SignatureExpired}, any other {@code BadData}).
 */
public sealed interface TokenCheck {

  /** The one {@link Invalid} instance. */
  TokenCheck INVALID = new Invalid();

  /**
   * Signature good and within the maximum age.
   *
   * @param payload the decoded JSON payload
   * @param issuedAt the signing time embedded in the token (whole seconds)
   */
  record Valid(JsonValue payload, Instant issuedAt) implements TokenCheck {
    public Valid {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }
  }

  /**
   * Signature good but older than the maximum age, or signed in the future. The payload is still
   * available, as itsdangerous's {@code loads_unsafe} makes it (used to re-send expired links).
   *
   * @param payload the decoded JSON payload
   */
  record Expired(JsonValue payload) implements TokenCheck {
    public Expired {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** Bad signature, wrong purpose, malformed, oversized: nothing in it can be trusted. */
  record Invalid() implements TokenCheck {}
}
