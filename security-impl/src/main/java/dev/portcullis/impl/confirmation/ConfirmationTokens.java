package dev.portcullis.impl.confirmation;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.UserBoundTokens;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Email confirmation tokens (Flask-Security {@code confirmable.generate_confirmation_token}, spec
 * §5.2): bound to the current email, valid for {@code security.confirm_email_within}.
 */
@ApplicationScoped
public class ConfirmationTokens {

  private UserBoundTokens tokens;
  private AccountConfig config;

  /** For CDI. */
  protected ConfirmationTokens() {}

  @Inject
  ConfirmationTokens(UserBoundTokens tokens, AccountConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  /** A new confirmation token for the user. */
  public String create(UserRecord user) {
    return tokens.create(TokenPurpose.CONFIRM, user, user.email(), null);
  }

  /** What a presented token is worth. */
  public UserBoundTokens.Status check(String token) {
    return tokens.check(
        TokenPurpose.CONFIRM, token, config.confirmEmailWithin(), UserRecord::email);
  }
}
