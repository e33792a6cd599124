package dev.portcullis.web.unifiedsignin;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.PasscodeOutcome;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService.SendOutcome;
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
import java.util.function.Function;

/**
 * Backs {@code security/us_signin.xhtml} (Flask-Security {@code us_signin} and {@code
 * us_signin_send_code} with the {@code us_signin} template): one form with the identity, a passcode
 * (password or code) and a "send code" button per method that sends codes. The fields go to {@link
 * UnifiedSigninService} as the JSON API sends them; success goes through the sign-in pipeline. The
 * page is a stateless view protected by its {@code csrf_token} field.
 */
@Named
@RequestScoped
public class UsSigninBean extends FormPage {

  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject LoginConfig login;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject RedirectConfig redirects;
  @Inject Messages messages;
  @Inject Pages pages;

  /** The page: anonymous callers, while unified sign-in is on. */
  @Produces
  static PageRule page(UnifiedSigninConfig config) {
    return PageRule.of(config.signinTemplate(), Feature.UNIFIED_SIGNIN, PageAccess.ANONYMOUS);
  }

  private String identity;
  private String passcode;
  private boolean remember;
  private String next;
  private String notice;

  /** The {@code next} query parameter on GET, the hidden field on POST; the remember default. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
    remember = login.defaultRememberMe();
  }

  @Override
  protected List<String> fields() {
    return List.of("identity", "passcode", "chosen_method", "remember");
  }

  @Override
  protected List<String> formLevelFields() {
    return List.of("", "next");
  }

  /** Checks identity and passcode; signs in and redirects, or shows the errors. */
  public String submit() {
    Map<String, String> fields = fieldsOf(null);
    fields.put("passcode", passcode);
    fields.put("remember", String.valueOf(remember));
    HttpServletRequest request = pages.request();
    PasscodeOutcome outcome =
        service.signIn(
            Form.read(FormData.of(fields), UnifiedSigninService.SIGNIN_FIELDS, List.of("remember")),
            null,
            request.getServerName());
    if (outcome instanceof PasscodeOutcome.Rejected rejected) {
      // While the throttle refuses, its message and wait, not "wrong passcode".
      pages.showRejected(this, rejected.fieldErrors());
      passcode = null;
      return null;
    }
    PasscodeOutcome.Passed passed = (PasscodeOutcome.Passed) outcome;
    SignInResult result =
        signIn.complete(
            new PrimaryAuthentication(
                passed.user(),
                passed.method(),
                passed.remember(),
                config.mfaRequired().contains(passed.method())),
            request,
            pages.response());
    pages.redirect(
        replies.browserTarget(result, passed.next(), redirects.postLoginView(), request));
    return null;
  }

  /** Sends a code (and a magic link) by mail. */
  public String sendEmail() {
    return send("email");
  }

  /** Sends a code by SMS. */
  public String sendSms() {
    return send("sms");
  }

  private String send(String method) {
    // A mailed code carries a magic link: only to a vetted host (Pages.links says why not).
    Optional<Function<String, String>> links =
        method.equals("email") ? pages.links(this) : Optional.empty();
    if (links.isEmpty() && method.equals("email")) {
      return null;
    }
    SendOutcome outcome =
        service.sendSigninCode(
            Form.read(FormData.of(fieldsOf(method)), UnifiedSigninService.SIGNIN_FIELDS, List.of()),
            links);
    if (outcome instanceof SendOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
      return null;
    }
    notice = messages.text(login.genericResponses() ? "GENERIC_US_SIGNIN" : "CODE_HAS_BEEN_SENT");
    return null;
  }

  private Map<String, String> fieldsOf(String method) {
    Map<String, String> fields = new HashMap<>();
    fields.put("identity", identity);
    fields.put("chosen_method", method);
    fields.put("next", next);
    return fields;
  }

  /** Whether codes can be sent by mail. */
  public boolean isEmailCodes() {
    return config.codeMethods().contains("email");
  }

  /** Whether codes can be sent by SMS. */
  public boolean isSmsCodes() {
    return config.codeMethods().contains("sms");
  }

  /**
   * Whether the page links to the password login page: not when unified sign-in replaces it ({@code
   * security.us_signin_replaces_login}).
   */
  public boolean isPasswordLoginLinked() {
    return !config.replacesLogin();
  }

  /** The message after a code was sent, else {@code null}. */
  public String getNotice() {
    return notice;
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public String getPasscode() {
    return passcode;
  }

  public void setPasscode(String passcode) {
    this.passcode = passcode;
  }

  public boolean isRemember() {
    return remember;
  }

  public void setRemember(boolean remember) {
    this.remember = remember;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
