package dev.portcullis.web.login;

import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.login.LoginForm;
import dev.portcullis.impl.login.LoginOutcome;
import dev.portcullis.impl.login.LoginService;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.web.layout.FormCsrf;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.PageTexts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code security/login_user.xhtml} (Flask-Security {@code views.login} for HTML forms): the
 * fields go to {@link LoginService#authenticate} exactly as the JSON API sends them, the page's one
 * identity field as Flask's {@code email} or {@code username} ({@link LoginIdentity}); rejections
 * become per-field messages, success a session and a redirect to the validated {@code next} or
 * {@code security.post_login_view}. The page is a stateless view, so anonymous visitors cost no
 * server session; its {@code csrf_token} field ({@link FormCsrf}) protects the form.
 */
@Named
@RequestScoped
public class LoginBean extends FormPage {

  @Inject LoginService service;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject LoginConfig loginConfig;
  @Inject RedirectConfig redirectConfig;

  /** The page: anonymous callers; signed-in ones go on to the post-login view, as in Flask. */
  @Produces
  static PageRule page(RedirectConfig views) {
    return PageRule.always(views.loginTemplate(), PageAccess.ANONYMOUS);
  }

  @Inject PageTexts texts;

  private String identity;
  private String password;
  private boolean remember;
  private String next;

  /** The {@code next} query parameter on GET, the hidden field on POST; the remember default. */
  @PostConstruct
  void init() {
    next = external().getRequestParameterMap().get("next");
    remember = loginConfig.defaultRememberMe();
  }

  /** Checks the credentials; signs in and redirects, or stays on the page with the errors. */
  public String submit() throws IOException {
    Map<String, String> fields = new HashMap<>();
    fields.put(identityField().formField(identity), identity);
    fields.put("password", password);
    fields.put("remember", String.valueOf(remember));
    fields.put("next", next);
    LoginForm form = LoginForm.from(FormData.of(fields), loginConfig.usernameEnable());
    HttpServletRequest request = (HttpServletRequest) external().getRequest();
    LoginOutcome outcome = service.authenticate(form, null, request.getServerName());
    if (outcome instanceof LoginOutcome.Rejected rejected) {
      show(LoginIdentity.errors(rejected.fieldErrors()));
      if (rejected.fieldErrors().containsKey("next")) {
        // Kept in the hidden field, a rejected target would block every retry.
        next = null;
      }
      return null;
    }
    LoginOutcome.Authenticated ok = (LoginOutcome.Authenticated) outcome;
    HttpServletResponse response = (HttpServletResponse) external().getResponse();
    SignInResult result =
        signIn.complete(
            PrimaryAuthentication.of(ok.user(), "password", ok.remember()), request, response);
    external()
        .redirect(
            replies.browserTarget(
                result,
                java.util.Optional.ofNullable(ok.next()),
                redirectConfig.postLoginView(),
                request));
    return null;
  }

  @Override
  protected List<String> fields() {
    return List.of(LoginIdentity.FIELD, "password", "remember");
  }

  /** The identity field's label: "Email address", "Username" or "Email or username". */
  public String getIdentityLabel() {
    return texts.get(identityField().labelKey());
  }

  /** The identity input's type: {@code email} when only an address will do, else {@code text}. */
  public String getIdentityType() {
    return identityField().inputType();
  }

  private LoginIdentity identityField() {
    return LoginIdentity.of(loginConfig);
  }

  /** Form-level messages, and those about the hidden {@code next} field. */
  @Override
  protected List<String> formLevelFields() {
    return List.of("", "next");
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
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
