package dev.portcullis.web.login;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Messages;
import dev.portcullis.impl.rest.RedirectConfig;
import dev.portcullis.impl.rest.Redirects;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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

  @Inject PasswordCheck passwords;
  @Inject Messages messages;
  @Inject RedirectConfig redirectConfig;
  @Inject Redirects redirects;
  @Inject Clock clock;
  @Inject Pages pages;

  private String password;
  private String next;

  /** The {@code next} query parameter on GET, the hidden field on POST. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
  }

  /** The view action: the caller is signed in. */
  public void open() {
    pages.signedIn();
  }

  /** Checks the password; refreshes freshness and redirects, or shows the error. */
  public String submit() {
    Optional<Authentication> caller = pages.signedIn();
    if (caller.isEmpty()) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("password", password);
    Form form = Form.read(FormData.of(fields), List.of("password"), List.of());
    FieldErrors errors = form.typeErrors(messages);
    if (errors.isEmpty()) {
      if (form.text("password").isEmpty()) {
        errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
      } else if (!passwords.verifyAndUpdate(caller.get().user(), form.text("password").get())) {
        errors.add("password", messages.text("INVALID_PASSWORD"));
      }
    }
    if (!errors.isEmpty()) {
      show(errors.toMap());
      return null;
    }
    HttpServletRequest request = pages.request();
    request
        .getSession(true)
        .setAttribute(SessionKeys.PRIMARY_AUTHN_AT, clock.instant().getEpochSecond());
    pages.flash("REAUTHENTICATION_SUCCESSFUL", Map.of());
    Optional<String> target = redirects.validate(next, request.getServerName());
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
