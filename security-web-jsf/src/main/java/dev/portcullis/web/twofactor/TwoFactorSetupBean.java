package dev.portcullis.web.twofactor;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.impl.twofactor.AuthenticatorSetup;
import dev.portcullis.impl.twofactor.TwoFactorCaller;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.twofactor.TwoFactorService;
import dev.portcullis.impl.twofactor.TwoFactorService.SetupOutcome;
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
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backs {@code security/two_factor_setup.xhtml} (Flask-Security {@code views.two_factor_setup} and
 * its template, spec §7.3): choose, change or disable the second factor, then confirm a new one
 * with its first code on the same page — for authenticator apps with the QR code and the key. A
 * signed-in user must be fresh; a user mid-sign-in only gets here while setting up.
 */
@Named
@RequestScoped
public class TwoFactorSetupBean extends FormPage {

  private static final Set<Phase> SETTING_UP =
      Set.of(Phase.SETUP_FROM_LOGIN, Phase.VALIDATING_PROFILE);

  @Inject TwoFactorService service;
  @Inject TwoFactorConfig config;
  @Inject TwoFactorPages twoFactor;
  @Inject AuthenticatorSetup authenticator;
  @Inject TotpSecrets secrets;
  @Inject Pages pages;
  @Inject RecoveryCodesConfig recoveryCodes;

  /** The page: while two-factor is on; who may use it is decided by {@link #open}. */
  @Produces
  static PageRule page(TwoFactorConfig config) {
    return PageRule.of(config.setupTemplate(), Feature.TWO_FACTOR, PageAccess.ANYONE);
  }

  private TwoFactorCaller caller;
  private Boolean permitted;
  private String setup;
  private String phone;
  private String code;
  private String next;

  /**
   * The {@code next} query parameter on GET, the hidden field on POST; the chosen method from the
   * page's radio buttons (plain inputs: Faces renders radio groups as tables).
   */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
    setup = pages.request().getParameter("setup");
  }

  /** The view action: signed in and fresh, or mid-sign-in and setting up; else sent away. */
  public void open() {
    allowed();
  }

  @Override
  protected List<String> fields() {
    return List.of("setup", "phone", "code");
  }

  /** Chooses a method: a new secret (a code sent where needed), or two-factor off. */
  public String choose() {
    if (!allowed()) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("setup", setup);
    fields.put("phone", phone);
    SetupOutcome outcome =
        service.setup(
            caller.user(), Form.read(FormData.of(fields), List.of("setup", "phone"), List.of()));
    if (outcome instanceof SetupOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
    } else if (outcome instanceof SetupOutcome.NotSent notSent) {
      TwoFactorStates.put(pages.request(), notSent.state());
      show(notSent.fieldErrors());
    } else if (outcome instanceof SetupOutcome.Started started) {
      TwoFactorStates.put(pages.request(), started.state());
      pages.redirectToView(config.setupTemplate() + nextQuery());
    } else {
      TwoFactorStates.clear(pages.request());
      pages.flash("TWO_FACTOR_DISABLED", Map.of());
      pages.redirectToView(config.postSetupView());
    }
    return null;
  }

  /** Confirms the method being set up with its first code. */
  public String confirm() {
    if (!allowed()) {
      return null;
    }
    Optional<TwoFactorState> state = validating();
    if (state.isEmpty()) {
      twoFactor.illegalState();
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("code", code);
    Form form = Form.read(FormData.of(fields), List.of("code"), List.of());
    ValidateOutcome outcome =
        service.validate(caller.user(), state.get(), form.text("code"), caller.signedIn());
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

  /** Whether a new method waits for its first code (the second part of the page). */
  public boolean isValidating() {
    return validating().isPresent();
  }

  /** The method being confirmed. */
  public String getChosenMethod() {
    return validating().map(TwoFactorState::method).orElse(null);
  }

  /** For an authenticator being set up: {@code tf_authr_key}, {@code _username}, ... */
  public Map<String, String> getAuthenticator() {
    Optional<TwoFactorState> state = validating().filter(s -> "authenticator".equals(s.method()));
    if (state.isEmpty()) {
      return Map.of();
    }
    JsonObject values =
        authenticator.values(
            shown().orElseThrow().user(), secrets.decrypt(state.get().secret()).orElseThrow());
    Map<String, String> shown = new HashMap<>();
    values.forEach((name, value) -> shown.put(name, values.getString(name)));
    return shown;
  }

  /** The choices: each method the user may pick, with the key of its label. */
  public List<Choice> getChoices() {
    return shown()
        .map(
            c ->
                service.availableMethods(c.user()).stream()
                    .map(method -> new Choice(method, TwoFactorPages.methodName(method)))
                    .toList())
        .orElse(List.of());
  }

  /** The key of the name of the user's method now, or empty. */
  public String getCurrentMethodKey() {
    return shown().map(c -> TwoFactorPages.methodName(c.user().tfPrimaryMethod())).orElse("");
  }

  /** Whether this user must set up a second factor to sign in. */
  public boolean isSettingUpToSignIn() {
    return shown().map(c -> !c.signedIn()).orElse(false);
  }

  /** The recovery-codes page. */
  public String getRecoveryCodesView() {
    return recoveryCodes.codesTemplate();
  }

  /** Whether the recovery-codes page is there for this user (signed in, codes on). */
  public boolean isRecoveryCodes() {
    return config.recoveryCodes() && shown().map(TwoFactorCaller::signedIn).orElse(false);
  }

  /**
   * Resolves the caller and sends away those the page is not for: nobody, a pending sign-in not
   * setting up (illegal state), a signed-in user who is not fresh (verify page).
   */
  private boolean allowed() {
    if (permitted == null) {
      permitted = check();
      caller = permitted ? twoFactor.caller().orElseThrow() : null;
    }
    return permitted;
  }

  private boolean check() {
    Optional<TwoFactorCaller> found = twoFactor.caller();
    if (found.isEmpty()) {
      twoFactor.illegalState();
      return false;
    }
    if (found.get().signedIn() && !twoFactor.fresh()) {
      twoFactor.reauthenticate();
      return false;
    }
    boolean settingUp =
        found.get().signedIn()
            || found
                .get()
                .state(pages.request())
                .map(state -> SETTING_UP.contains(state.phase()))
                .orElse(false);
    if (!settingUp) {
      twoFactor.illegalState();
    }
    return settingUp;
  }

  /**
   * The caller for showing the page, without sending anyone away: on a postback the view action has
   * not run, and Faces asks the getters (the {@code rendered} conditions) before the action.
   */
  private Optional<TwoFactorCaller> shown() {
    if (caller == null && permitted == null) {
      caller = twoFactor.caller().orElse(null);
    }
    return Optional.ofNullable(caller);
  }

  private Optional<TwoFactorState> validating() {
    return shown()
        .flatMap(c -> c.state(pages.request()))
        .filter(state -> state.phase() == Phase.VALIDATING_PROFILE && state.method() != null);
  }

  private String nextQuery() {
    return next == null || next.isEmpty()
        ? ""
        : "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * One choice of the page.
   *
   * @param value the form value ({@code email}, ..., {@code disable})
   * @param labelKey the key of its label in the page bundle
   */
  public record Choice(String value, String labelKey) {}

  public String getSetup() {
    return setup;
  }

  public void setSetup(String setup) {
    this.setup = setup;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
