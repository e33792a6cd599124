package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a sign-in whose second factor passed (Flask-Security {@code tf_plugin.tf_complete}): the
 * pipeline signs the user in with the remember-me choice of the first factor (which also drops the
 * two-factor state with the old session), then the {@code tf_validity} cookie is issued where
 * asked.
 */
@ApplicationScoped
public class TwoFactorCompletion {

  @Inject SignIn signIn;
  @Inject ValidityCookie validityCookie;

  /**
   * Signs in the user of {@code pending}.
   *
   * @param rememberDevice whether the {@code tf_validity} cookie may be issued: after a code, not
   *     after a recovery code
   */
  public SignInResult.SignedIn complete(
      PendingSignIn pending,
      boolean rememberDevice,
      HttpServletRequest request,
      HttpServletResponse response) {
    SignInResult.SignedIn signedIn = signIn.completeSecondFactor(pending, request, response);
    if (rememberDevice) {
      validityCookie.issueIfAsked(signedIn.user(), pending.remember(), request, response);
    }
    return signedIn;
  }
}
