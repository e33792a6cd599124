package dev.portcullis.web.unifiedsignin;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.PasscodeOutcome;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.SendOutcome;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.spi.UserRecord;
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

/**
 * Backs {@code security/us_verify.xhtml} (Flask-Security {@code us_verify} and {@code
 * us_verify_send_code}): re-authentication with the password or a code of one of the user's
 * methods, which makes the session fresh again.
 */
@Named
@RequestScoped
public class UsVerifyBean extends FormPage {

  @Inject UnifiedSigninService service;
  @Inject SignIn signIn;
  @Inject RedirectConfig redirects;
  @Inject Messages messages;
  @Inject Pages pages;

  /** The page: signed-in callers, while unified sign-in is on. */
  @Produces
  static PageRule page(UnifiedSigninConfig config) {
    return PageRule.of(config.verifyTemplate(), Feature.UNIFIED_SIGNIN, PageAccess.SIGNED_IN);
  }

  private String passcode;
  private String next;
  private String notice;

  /** The {@code next} query parameter on GET, the hidden field on POST. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
  }

  @Override
  protected List<String> fields() {
    return List.of("passcode", "chosen_method");
  }

  @Override
  protected List<String> formLevelFields() {
    return List.of("", "next");
  }

  /** Checks the passcode; refreshes freshness and redirects, or shows the error. */
  public String submit() {
    UserRecord user = pages.caller().user();
    Map<String, String> fields = new HashMap<>();
    fields.put("passcode", passcode);
    fields.put("next", next);
    PasscodeOutcome outcome =
        service.verify(
            user,
            Form.read(FormData.of(fields), UnifiedSigninService.VERIFY_FIELDS, List.of()),
            null,
            pages.request().getServerName());
    if (outcome instanceof PasscodeOutcome.Rejected rejected) {
      // While the throttle refuses, its message and wait, not "wrong passcode".
      pages.showRejected(this, rejected.fieldErrors());
      passcode = null;
      return null;
    }
    signIn.reauthenticated(user, pages.request());
    pages.flash("REAUTHENTICATION_SUCCESSFUL", Map.of());
    Optional<String> target = ((PasscodeOutcome.Passed) outcome).next();
    if (target.isPresent()) {
      pages.redirect(target.get());
    } else {
      pages.redirectToView(redirects.postVerifyView().orElse(redirects.postLoginView()));
    }
    return null;
  }

  /** Sends a code to the user's mail address. */
  public String sendEmail() {
    return send("email");
  }

  /** Sends a code to the user's phone. */
  public String sendSms() {
    return send("sms");
  }

  private String send(String method) {
    SendOutcome outcome =
        service.sendVerifyCode(
            pages.caller().user(),
            Form.read(
                FormData.of(Map.of("chosen_method", method)),
                UnifiedSigninService.VERIFY_FIELDS,
                List.of()));
    if (outcome instanceof SendOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
    } else {
      notice = messages.text("CODE_HAS_BEEN_SENT");
    }
    return null;
  }

  /** The caller's methods that send codes. */
  public List<String> getCodeMethods() {
    return service.activeCodeMethods(pages.caller().user());
  }

  /** The message after a code was sent, else {@code null}. */
  public String getNotice() {
    return notice;
  }

  public String getPasscode() {
    return passcode;
  }

  public void setPasscode(String passcode) {
    this.passcode = passcode;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
