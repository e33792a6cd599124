package dev.portcullis.web.changeemail;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.changeemail.ChangeEmailService;
import dev.portcullis.impl.changeemail.ChangeEmailService.RequestOutcome;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
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
 * Backs {@code security/change_email.xhtml} (Flask-Security 5.5 {@code views.change_email}):
 * signed-in and fresh users only (stale ones go to the verify page and come back); mails a link to
 * the new address, which changes the email when followed.
 */
@Named
@RequestScoped
public class ChangeEmailBean extends FormPage {

  @Inject ChangeEmailService service;
  @Inject FlowViews views;
  @Inject Pages pages;

  /** The page: signed in and fresh. */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(views.changeEmailTemplate(), Feature.CHANGE_EMAIL, PageAccess.FRESH);
  }

  private String email;

  @Override
  protected List<String> fields() {
    return List.of("email");
  }

  /** Requests the change; comes back here with a message, or shows the errors. */
  public String submit() {
    Optional<Authentication> caller = Optional.of(pages.caller());
    Map<String, String> fields = new HashMap<>();
    fields.put("email", email);
    Form form = Form.read(FormData.of(fields), List.of("email"), List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    RequestOutcome outcome = service.request(caller.get().user(), form, links.get());
    if (outcome instanceof RequestOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    pages.flash("CHANGE_EMAIL_SENT", Map.of("email", ((RequestOutcome.Sent) outcome).newEmail()));
    pages.redirectToView(views.changeEmailTemplate());
    return null;
  }

  /** The signed-in user's current email. */
  public String getCurrentEmail() {
    return Authentication.of(pages.request()).map(a -> a.user().email()).orElse(null);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
