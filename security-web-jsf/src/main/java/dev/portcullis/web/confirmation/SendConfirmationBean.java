package dev.portcullis.web.confirmation;

import dev.portcullis.impl.confirmation.ConfirmationService;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.views.FlowViews;
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
 * Backs {@code security/send_confirmation.xhtml} (Flask-Security {@code views.send_confirmation}):
 * mails new confirmation instructions; the email is pre-filled from {@code ?email=}.
 */
@Named
@RequestScoped
public class SendConfirmationBean extends FormPage {

  @Inject ConfirmationService service;
  @Inject FlowViews views;
  @Inject Pages pages;

  /** The page: anybody, while confirmation is on. */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(views.sendConfirmationTemplate(), Feature.CONFIRMABLE, PageAccess.ANYONE);
  }

  private String email;

  /** Pre-fills the email from the query on GET (the hidden-less POST overwrites it). */
  @PostConstruct
  void init() {
    email = pages.request().getParameter("email");
  }

  @Override
  protected List<String> fields() {
    return List.of("email");
  }

  /** Sends the instructions and comes back here with a message, or shows the errors. */
  public String submit() {
    Map<String, String> fields = new HashMap<>();
    fields.put("email", email);
    Form form = Form.read(FormData.of(fields), List.of("email"), List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    var outcome = service.sendInstructions(form, links.get());
    if (outcome instanceof ConfirmationService.SendOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    pages.flash("CONFIRMATION_REQUEST", Map.of("email", form.text("email").orElse("")));
    pages.redirectToView(views.sendConfirmationTemplate());
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
