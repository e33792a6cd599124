package dev.portcullis.web.twofactor;

import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.twofactor.TwoFactorCaller;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.twofactor.TwoFactorRescueService;
import dev.portcullis.impl.twofactor.TwoFactorRescueService.RescueOutcome;
import dev.portcullis.impl.twofactor.TwoFactorService;
import dev.portcullis.impl.twofactor.TwoFactorService.ValidateOutcome;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorState.Phase;
import dev.portcullis.impl.twofactor.TwoFactorStates;
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
 * Backs {@code security/two_factor_verify_code.xhtml} (Flask-Security {@code
 * views.two_factor_token_validation} and {@code two_factor_rescue} with their template, spec §7.3,
 * §7.4): the code that completes a sign-in, or confirms a signed-in user's new method, and the
 * rescue options of a user who cannot produce one.
 */
@Named
@RequestScoped
public class TwoFactorVerifyCodeBean extends FormPage {

  /** Message keys of the rescue options, for their labels. */
  private static final Map<String, String> OPTION_NAMES =
      Map.of(
          "help", "page.two_factor_verify_code.rescue.help",
          "email", "page.two_factor_verify_code.rescue.email",
          "recovery_code", "page.two_factor_verify_code.rescue.recovery_code");

  /** Message keys of what to do, by method. */
  private static final Map<String, String> INTROS =
      Map.of(
          "authenticator", "page.two_factor_verify_code.intro.authenticator",
          "google_authenticator", "page.two_factor_verify_code.intro.authenticator",
          "email", "page.two_factor_verify_code.intro.email",
          "mail", "page.two_factor_verify_code.intro.email",
          "sms", "page.two_factor_verify_code.intro.sms");

  @Inject TwoFactorService service;
  @Inject TwoFactorRescueService rescue;
  @Inject TwoFactorConfig config;
  @Inject TwoFactorPages twoFactor;
  @Inject SessionLogin sessions;
  @Inject Pages pages;

  /** The page: while two-factor is on; who may use it is decided by {@link #open}. */
  @Produces
  static PageRule page(TwoFactorConfig config) {
    return PageRule.of(config.verifyCodeTemplate(), Feature.TWO_FACTOR, PageAccess.ANYONE);
  }

  private TwoFactorCaller caller;
  private TwoFactorState state;
  private Boolean permitted;
  private String code;
  private String helpSetup;
  private String next;

  /** {@code next} and the chosen rescue option from the request. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
    helpSetup = pages.request().getParameter("help_setup");
  }

  /** The view action: a sign-in waiting for its code, or a new method to confirm. */
  public void open() {
    allowed();
  }

  @Override
  protected List<String> fields() {
    return List.of("code", "help_setup");
  }

  /** Checks the code. */
  public String submit() {
    if (!allowed()) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("code", code);
    Form form = Form.read(FormData.of(fields), List.of("code"), List.of());
    ValidateOutcome outcome =
        service.validate(caller.user(), state, form.text("code"), caller.signedIn());
    if (outcome instanceof ValidateOutcome.Rejected rejected) {
      TwoFactorStates.put(pages.request(), rejected.state());
      show(rejected.fieldErrors());
    } else if (outcome instanceof ValidateOutcome.TooManyAttempts) {
      TwoFactorStates.clear(pages.request());
      pages.flash("TWO_FACTOR_TOO_MANY_ATTEMPTS", Map.of());
      pages.redirectToView(caller.signedIn() ? config.setupTemplate() : twoFactor.errorView());
    } else if (caller.signedIn()) {
      TwoFactorStates.clear(pages.request());
      pages.flash("TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL", Map.of());
      pages.redirectToView(config.postSetupView());
    } else {
      twoFactor.signIn(caller.pending().orElseThrow(), next, true);
    }
    return null;
  }

  /** Carries out the chosen rescue option. */
  public String rescue() {
    if (!allowed()) {
      return null;
    }
    if (!isRescue()) {
      twoFactor.illegalState();
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("help_setup", helpSetup);
    RescueOutcome outcome =
        rescue.rescue(
            caller.user(), Form.read(FormData.of(fields), List.of("help_setup"), List.of()));
    if (outcome instanceof RescueOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
    } else if (outcome instanceof RescueOutcome.NotSent notSent) {
      show(notSent.fieldErrors());
    } else if (outcome instanceof RescueOutcome.UseRecoveryCode) {
      pages.redirectToView(config.recoveryTemplate() + nextQuery());
    } else {
      boolean mailed = ((RescueOutcome.Done) outcome).choice().equals("email");
      pages.flash(mailed ? "CODE_HAS_BEEN_SENT" : "TWO_FACTOR_HELP_REQUESTED", Map.of());
      pages.redirectToView(config.verifyCodeTemplate() + nextQuery());
    }
    return null;
  }

  /** The key of what the user does: open the app, or look for the mail or the text. */
  public String getIntroKey() {
    String method = shown() ? method() : null;
    return INTROS.getOrDefault(method == null ? "" : method, INTROS.get("authenticator"));
  }

  /** Whether rescue options are offered: mid-sign-in, waiting for the stored method's code. */
  public boolean isRescue() {
    return shown() && !caller.signedIn() && state.phase() == Phase.READY;
  }

  /** The rescue options with the keys of their labels. */
  public List<TwoFactorSetupBean.Choice> getRescueOptions() {
    return isRescue()
        ? rescue.options(caller.user()).stream()
            .map(option -> new TwoFactorSetupBean.Choice(option, OPTION_NAMES.get(option)))
            .toList()
        : List.of();
  }

  /**
   * Whether the caller may use the page: mid-sign-in {@code ready} or {@code validating_profile};
   * signed in only {@code validating_profile} — else out of turn (a signed-in user is signed out,
   * as in Flask-Security).
   */
  private boolean allowed() {
    if (permitted == null) {
      shown();
      permitted = state != null;
      if (!permitted) {
        Optional<TwoFactorCaller> found = twoFactor.caller();
        if (found.isPresent() && found.get().signedIn()) {
          sessions.logout(pages.request(), pages.response());
        }
        twoFactor.illegalState();
      }
    }
    return permitted;
  }

  /**
   * Resolves caller and state without sending anyone away, for showing the page: on a postback the
   * view action has not run, and Faces asks the {@code rendered} conditions before the action.
   */
  private boolean shown() {
    if (state == null && permitted == null) {
      Optional<TwoFactorCaller> found = twoFactor.caller();
      Optional<TwoFactorState> current =
          found.flatMap(c -> c.state(pages.request())).filter(s -> usable(found.get(), s));
      if (current.isPresent()) {
        caller = found.get();
        state = current.get();
      }
    }
    return state != null;
  }

  private static boolean usable(TwoFactorCaller caller, TwoFactorState state) {
    return (state.phase() == Phase.READY && !caller.signedIn())
        || (state.phase() == Phase.VALIDATING_PROFILE
            && state.method() != null
            && state.secret() != null);
  }

  private String method() {
    return state.phase() == Phase.READY ? caller.user().tfPrimaryMethod() : state.method();
  }

  private String nextQuery() {
    return next == null || next.isEmpty()
        ? ""
        : "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getHelpSetup() {
    return helpSetup;
  }

  public String getNext() {
    return next;
  }
}
