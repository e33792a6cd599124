package dev.portcullis.web.twofactor;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.Mechanism;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.twofactor.TwoFactorCaller;
import dev.portcullis.impl.twofactor.TwoFactorCompletion;
import dev.portcullis.impl.twofactor.TwoFactorReplies;
import dev.portcullis.impl.twofactor.TwoFactorStates;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.web.layout.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the two-factor page beans share: who the caller is (signed in, or mid-sign-in), the
 * illegal-state answer for browsers (flash {@code TWO_FACTOR_PERMISSION_DENIED}, then {@code
 * security.two_factor_error_view}), the re-authentication answer, and finishing a sign-in.
 */
@ApplicationScoped
public class TwoFactorPages {

  /** Message keys of the method names, for showing a method. */
  static final Map<String, String> METHOD_NAMES =
      Map.of(
          "email", "page.two_factor_setup.method.email",
          "authenticator", "page.two_factor_setup.method.authenticator",
          "sms", "page.two_factor_setup.method.sms",
          "disable", "page.two_factor_setup.method.disable",
          "webauthn", "page.two_factor_select.method.webauthn");

  @Inject Pages pages;
  @Inject SignIn signIn;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject TwoFactorReplies replies;
  @Inject TwoFactorCompletion completion;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;

  /** The caller of this request, signed in or mid-sign-in. */
  public Optional<TwoFactorCaller> caller() {
    return TwoFactorCaller.of(pages.request(), signIn);
  }

  /** Whether a signed-in caller authenticated recently enough ({@code security.freshness}). */
  public boolean fresh() {
    return access.isFresh(pages.request());
  }

  /** A page opened out of turn: the state and the pending sign-in end; off to the error view. */
  public void illegalState() {
    TwoFactorStates.clear(pages.request());
    pages.flash("TWO_FACTOR_PERMISSION_DENIED", Map.of());
    pages.redirectToView(replies.errorView());
  }

  /** A signed-in caller who is not fresh: to the verify page, and back here afterwards. */
  public void reauthenticate() {
    try {
      denials
          .answer(Reason.REAUTHENTICATION_REQUIRED, Set.of(Mechanism.SESSION), pages.request())
          .writeTo(pages.response());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }

  /**
   * Signs in the user of {@code pending} whose second factor passed, then redirects to the
   * validated {@code next} or {@code security.post_login_view}.
   *
   * @param rememberDevice whether the {@code tf_validity} cookie may follow (not after a recovery
   *     code)
   */
  public void signIn(PendingSignIn pending, String next, boolean rememberDevice) {
    completion.complete(pending, rememberDevice, pages.request(), pages.response());
    if (rememberDevice) {
      pages.flash("TWO_FACTOR_LOGIN_SUCCESSFUL", Map.of());
    }
    Optional<String> target =
        next == null || next.isEmpty()
            ? Optional.empty()
            : redirects.validate(next, pages.request().getServerName());
    if (target.isPresent()) {
      pages.redirect(target.get());
    } else {
      pages.redirectToView(views.postLoginView());
    }
  }

  /** Where browsers go after a request out of turn ({@code security.two_factor_error_view}). */
  public String errorView() {
    return replies.errorView();
  }

  /** The message key of a method's name; the method itself when it has none. */
  static String methodName(String method) {
    return METHOD_NAMES.getOrDefault(method == null ? "" : method, "");
  }
}
