package dev.portcullis.web.changepassword;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.RememberCookies;
import dev.portcullis.impl.changepassword.ChangePasswordService;
import dev.portcullis.impl.changepassword.ChangePasswordService.Outcome;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.spi.UserRecord;
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
 * Backs {@code security/change_password.xhtml} (Flask-Security {@code views.change_password}):
 * signed-in users only. The current password is asked for only when the user has one; a user
 * without one proves themselves by freshness instead (spec §6.6). After the change the session
 * continues on a fresh id while every other session and token of the user ends.
 */
@Named
@RequestScoped
public class ChangePasswordBean extends FormPage {

  static final List<String> FIELDS = List.of("password", "new_password", "new_password_confirm");

  @Inject ChangePasswordService service;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject RememberCookies rememberCookies;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject Pages pages;

  /** The page: signed in, and fresh when the user has no password to give (spec §6.6). */
  @Produces
  static PageRule page(FlowViews views) {
    return PageRule.of(
        views.changePasswordTemplate(),
        Feature.CHANGEABLE,
        PageAccess.SIGNED_IN_FRESH_WITHOUT_PASSWORD);
  }

  private String password;
  private String newPassword;
  private String newPasswordConfirm;

  @Override
  protected List<String> fields() {
    return FIELDS;
  }

  /** Changes the password; redirects with a message, or shows the errors. */
  public String submit() {
    Optional<Authentication> caller = Optional.of(pages.caller());
    Map<String, String> fields = new HashMap<>();
    fields.put("password", password);
    fields.put("new_password", newPassword);
    fields.put("new_password_confirm", newPasswordConfirm);
    Form form = Form.read(FormData.of(fields), FIELDS, List.of());
    Optional<Function<String, String>> links = pages.links(this);
    if (links.isEmpty()) {
      return null;
    }
    Outcome outcome = service.change(caller.get().user(), form, links.get());
    if (outcome instanceof Outcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    UserRecord user = ((Outcome.Changed) outcome).user();
    if (caller.get().mechanism() == Mechanism.SESSION) {
      // The rotated fs_uniquifier ended this session: re-establish it for the same user.
      signIn.complete(
          PrimaryAuthentication.renewal(user, "change", rememberCookies.isPresent(pages.request())),
          pages.request(),
          pages.response());
    }
    pages.flash("PASSWORD_CHANGE", Map.of());
    pages.redirectToView(views.postChangeView().orElse(redirectConfig.postLoginView()));
    return null;
  }

  /** Whether the form asks for the current password (the user has one). */
  public boolean isCurrentPasswordRequired() {
    return Authentication.of(pages.request()).map(a -> a.user().hasPassword()).orElse(true);
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getNewPasswordConfirm() {
    return newPasswordConfirm;
  }

  public void setNewPasswordConfirm(String newPasswordConfirm) {
    this.newPasswordConfirm = newPasswordConfirm;
  }
}
