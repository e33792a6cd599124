package dev.portcullis.web.registration;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.registration.RegistrationOutcome;
import dev.portcullis.impl.registration.RegistrationService;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
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
 * Backs {@code security/register_user.xhtml} (Flask-Security {@code views.register} for HTML
 * forms): anonymous callers only; the retyped password is required, as on Flask's HTML form. A new
 * user who may sign in now is signed in; with confirmable, the page says where the instructions
 * went.
 */
@Named
@RequestScoped
public class RegisterBean extends FormPage {

  @Inject RegistrationService service;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject Pages pages;

  /** The page: anonymous callers, while registration is on. */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(views.registerTemplate(), Feature.REGISTERABLE, PageAccess.ANONYMOUS);
  }

  private String email;
  private String username;
  private String password;
  private String passwordConfirm;

  @Override
  protected List<String> fields() {
    return List.of("email", "username", "password", "password_confirm");
  }

  /** Registers; redirects on success, or stays on the page with the errors. */
  public String submit() {
    Map<String, String> fields = new HashMap<>();
    fields.put("email", email);
    if (config.usernameEnable()) {
      fields.put("username", username);
    }
    fields.put("password", password);
    fields.put("password_confirm", passwordConfirm);
    Form form =
        Form.read(
            FormData.of(fields),
            List.of("email", "password", "password_confirm", "username"),
            List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    RegistrationOutcome outcome = service.register(form, true, links.get());
    if (outcome instanceof RegistrationOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    String shownEmail = form.text("email").orElse("");
    if (outcome instanceof RegistrationOutcome.Registered registered) {
      shownEmail = registered.user().email();
      if (registered.login()) {
        SignInResult result =
            signIn.complete(
                PrimaryAuthentication.of(registered.user(), "register", false),
                pages.request(),
                pages.response());
        if (result instanceof SignInResult.SecondFactorRequired) {
          pages.redirect(
              replies.browserTarget(result, java.util.Optional.empty(), "/", pages.request()));
          return null;
        }
      }
    }
    if (config.confirmable()) {
      pages.flash("CONFIRM_REGISTRATION", Map.of("email", shownEmail));
    }
    pages.redirectToView(views.postRegisterView().orElse("/"));
    return null;
  }

  /** Whether the page offers the username field ({@code security.username_enable}). */
  public boolean isUsernameEnabled() {
    return config.usernameEnable();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
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
