package dev.portcullis.web.recovery;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.recovery.RecoveryService;
import dev.portcullis.impl.recovery.RecoveryService.ForgotOutcome;
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
 * Backs {@code security/forgot_password.xhtml} (Flask-Security {@code views.forgot_password}):
 * anonymous callers only; mails reset instructions and comes back with a message.
 */
@Named
@RequestScoped
public class ForgotPasswordBean extends FormPage {

  @Inject RecoveryService service;
  @Inject FlowViews views;
  @Inject Pages pages;

  /** The page: anonymous callers, while recovery is on. */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(views.forgotPasswordTemplate(), Feature.RECOVERABLE, PageAccess.ANONYMOUS);
  }

  private String email;

  @Override
  protected List<String> fields() {
    return List.of("email");
  }

  /** Requests the reset mail; comes back here with a message, or shows the errors. */
  public String submit() {
    Map<String, String> fields = new HashMap<>();
    fields.put("email", email);
    Form form = Form.read(FormData.of(fields), List.of("email"), List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    ForgotOutcome outcome = service.forgot(form, links.get());
    if (outcome instanceof ForgotOutcome.Rejected rejected) {
      if (rejected.confirmationRequired() && views.requiresConfirmationErrorView().isPresent()) {
        pages.flash("CONFIRMATION_REQUIRED", Map.of());
        pages.redirectToView(views.requiresConfirmationErrorView().get());
        return null;
      }
      show(rejected.fieldErrors());
      return null;
    }
    pages.flash("PASSWORD_RESET_REQUEST", Map.of("email", form.text("email").orElse("")));
    pages.redirectToView(views.forgotPasswordTemplate());
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
