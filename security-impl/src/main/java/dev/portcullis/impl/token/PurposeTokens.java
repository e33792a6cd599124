package dev.portcullis.impl.token;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Objects;

/**
 * The one place that signs and checks tokens by purpose: Flask-Security's per-purpose serializers
 * ({@code flask_security/core.py: _get_serializer(app, name)}, one per {@code *_SALT}). Binding the
 * salt to a {@link TokenPurpose} means a reset token can never be replayed as, say, an auth token.
 */
public final class PurposeTokens {

  private final TokenSigner signer;
  private final TokenSalts salts;

  public PurposeTokens(TokenSigner signer, TokenSalts salts) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.salts = Objects.requireNonNull(salts, "salts");
  }

  /** Signs {@code payload} for {@code purpose} at the current time. */
  public String sign(TokenPurpose purpose, JsonValue payload) {
    return signer.sign(salts.saltFor(purpose), payload);
  }

  /**
   * Checks a token of {@code purpose}.
   *
   * @param maxAge the purpose's lifetime, or {@code null} for unlimited
   */
  public TokenCheck verify(TokenPurpose purpose, String token, Duration maxAge) {
    return signer.verify(salts.saltFor(purpose), token, maxAge);
  }
}
