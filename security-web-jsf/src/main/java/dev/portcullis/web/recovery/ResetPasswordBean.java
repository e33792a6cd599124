package dev.portcullis.web.recovery;

import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.config.AccountConfig;
import dev.portcullis.impl.recovery.RecoveryService;
import dev.portcullis.impl.recovery.RecoveryService.LinkStatus;
import dev.portcullis.impl.recovery.RecoveryService.ResetOutcome;
import dev.portcullis.impl.rest.Feature;
import dev.portcullis.impl.rest.FlowViews;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.RedirectConfig;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
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
  @Inject SessionLogin sessions;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject Pages pages;

  private String token;
  private String password;
  private String passwordConfirm;

  /** The token: from the query on GET, from the hidden field on POST. */
  @PostConstruct
  void init() {
    token = pages.request().getParameter("token");
  }

  /** The view action: the page exists, the caller is anonymous and the link is usable. */
  public void open() {
    if (!pages.enabled(Feature.RECOVERABLE) || !pages.anonymous()) {
      return;
    }
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
    if (!pages.enabled(Feature.RECOVERABLE) || !pages.anonymous()) {
      return null;
    }
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
      sessions.login(pages.request(), pages.response(), reset.user(), false, List.of("reset"));
    }
    pages.flash(login ? "PASSWORD_RESET" : "PASSWORD_RESET_NO_LOGIN", Map.of());
    pages.redirectToView(
        views
            .postResetView()
            .orElse(login ? redirectConfig.postLoginView() : redirectConfig.loginTemplate()));
    return null;
  }

  private void badLink(String messageKey) {
    pages.flash(messageKey, Map.of("within", AccountConfig.within(config.resetPasswordWithin())));
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
