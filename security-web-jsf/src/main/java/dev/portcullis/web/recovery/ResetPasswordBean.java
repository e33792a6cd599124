package dev.portcullis.web.recovery;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.recovery.RecoveryService;
import dev.portcullis.impl.recovery.RecoveryService.LinkStatus;
import dev.portcullis.impl.recovery.RecoveryService.ResetOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Backs {@code security/reset_password.xhtml} (Flask-Security {@code views.reset_password}): the
 * mailed link {@code /api/reset/<token>} brings the browser here with {@code ?token=}; a bad or
 * expired token is flashed on the forgot-password page (an expired one has mailed a new link).
 */
@Named
@RequestScoped
public class ResetPasswordBean extends FormPage {

  @Inject RecoveryService service;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject Pages pages;

  /** The page: anonymous callers, while recovery is on. */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(views.resetPasswordTemplate(), Feature.RECOVERABLE, PageAccess.ANONYMOUS);
  }

  private String token;
  private String password;
  private String passwordConfirm;

  /** The token: from the query on GET, from the hidden field on POST. */
  @PostConstruct
  void init() {
    token = pages.request().getParameter("token");
  }

  @Override
  protected List<String> fields() {
    return List.of("password", "password_confirm");
  }

  /** The view action: the link is usable, else back to the forgot-password page. */
  public void open() {
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return;
    }
    if (service.check(token == null ? "" : token, links.get())
        instanceof LinkStatus.Unusable unusable) {
      badLink(unusable.messageKey());
    }
  }

  /** Sets the new password; redirects on success or a bad link, else shows the errors. */
  public String submit() {
    Map<String, String> fields = new HashMap<>();
    fields.put("password", password);
    fields.put("password_confirm", passwordConfirm);
    Form form = Form.read(FormData.of(fields), List.of("password", "password_confirm"), List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    ResetOutcome outcome = service.reset(token == null ? "" : token, form, links.get());
    if (outcome instanceof ResetOutcome.BadLink bad) {
      badLink(bad.messageKey());
      return null;
    }
    if (outcome instanceof ResetOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    ResetOutcome.Reset reset = (ResetOutcome.Reset) outcome;
    boolean login = config.autoLoginAfterReset();
    if (login) {
      SignInResult result =
          signIn.complete(
              PrimaryAuthentication.of(reset.user(), "reset", false),
              pages.request(),
              pages.response());
      if (result instanceof SignInResult.SecondFactorRequired) {
        pages.redirect(
            replies.browserTarget(
                result,
                java.util.Optional.empty(),
                redirectConfig.postLoginView(),
                pages.request()));
        return null;
      }
    }
    pages.flash(login ? "PASSWORD_RESET" : "PASSWORD_RESET_NO_LOGIN", Map.of());
    pages.redirectToView(
        views
            .postResetView()
            .orElse(login ? redirectConfig.postLoginView() : redirectConfig.signInTemplate()));
    return null;
  }

  /**
   * A link that cannot be used: back to the forgot-password page with why; but a link the throttle
   * refused (its client address failed too many links) was not checked, so the page stays with the
   * throttle's message and is answered 429 with {@code Retry-After}, as the JSON API answers it.
   */
  private void badLink(String messageKey) {
    if (pages.throttled()) {
      pages.showRejected(this, Map.of());
      return;
    }
    pages.flash(messageKey, Map.of("within", config.resetPasswordWithin()));
    pages.redirectToView(views.forgotPasswordTemplate());
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordConfirm() {
    return passwordConfirm;
  }

  public void setPasswordConfirm(String passwordConfirm) {
    this.passwordConfirm = passwordConfirm;
  }
}
