package dev.portcullis.impl.confirmation;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.UserBoundTokens;

/** Builds this package's CDI beans outside a container, for service tests in other packages. */
public final class ConfirmationTestSupport {

  private ConfirmationTestSupport() {}

  /** Confirmation tokens over {@code tokens}, valid for {@code config.confirmEmailWithin()}. */
  public static ConfirmationTokens tokens(UserBoundTokens tokens, AccountConfig config) {
    return new ConfirmationTokens(tokens, config);
  }
}
