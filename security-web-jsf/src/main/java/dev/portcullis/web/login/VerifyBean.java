package dev.portcullis.web.login;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.login.VerifyService;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.SignIn;
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
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code security/verify.xhtml} (Flask-Security {@code views.verify}, spec §1.2 #3):
 * re-authentication with the password, which refreshes the session's freshness anchor exactly as
 * {@code POST /verify} does, then back to the validated {@code next} (set by the page that asked
 * for freshness) or {@code security.post_verify_view}.
 */
@Named
@RequestScoped
public class VerifyBean extends FormPage {

  @Inject VerifyService service;
  @Inject SignIn signIn;
  @Inject RedirectConfig redirectConfig;
  @Inject Pages pages;

  /** The page: signed-in callers. */
  @Produces
  static PageRule page(RedirectConfig views) {
    return PageRule.always(views.verifyTemplate(), PageAccess.SIGNED_IN);
  }

  private String password;
  private String next;

  /** The {@code next} query parameter on GET, the hidden field on POST. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
  }

  @Override
  protected List<String> fields() {
    return List.of("password");
  }

  /** Checks the password; refreshes freshness and redirects, or shows the error. */
  public String submit() {
    Optional<Authentication> caller = Optional.of(pages.caller());
    Map<String, String> fields = new HashMap<>();
    fields.put("password", password);
    fields.put("next", next);
    Form form = Form.read(FormData.of(fields), VerifyService.FIELDS, List.of());
    HttpServletRequest request = pages.request();
    VerifyService.Outcome outcome =
        service.verify(caller.get().user(), form, null, request.getServerName());
    if (outcome instanceof VerifyService.Outcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    signIn.reauthenticated(caller.get().user(), request);
    pages.flash("REAUTHENTICATION_SUCCESSFUL", Map.of());
    Optional<String> target = ((VerifyService.Outcome.Verified) outcome).next();
    if (target.isPresent()) {
      pages.redirect(target.get());
    } else {
      pages.redirectToView(redirectConfig.postVerifyView().orElse(redirectConfig.postLoginView()));
    }
    return null;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
