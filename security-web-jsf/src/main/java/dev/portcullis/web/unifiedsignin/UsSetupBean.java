package dev.portcullis.web.unifiedsignin;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninService;
import dev.portcullis.impl.unifiedsignin.UsSetupService;
import dev.portcullis.impl.unifiedsignin.UsSetupService.SetupOutcome;
import dev.portcullis.impl.unifiedsignin.UsSetupService.ValidateOutcome;
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
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code security/us_setup.xhtml} (Flask-Security {@code us_setup}, {@code us_setup_validate}
 * and the {@code us_setup} template, spec §7.5): the user's methods, a new one to add (a code is
 * sent, or the QR code and key of an authenticator shown) and those to remove; then the new
 * method's first code on the same page, with the signed set-up state in a hidden field. Fresh
 * callers only.
 */
@Named
@RequestScoped
public class UsSetupBean extends FormPage {

  @Inject UsSetupService setup;
  @Inject UnifiedSigninService service;
  @Inject UnifiedSigninConfig config;
  @Inject Pages pages;

  /** The page: fresh signed-in callers, while unified sign-in is on. */
  @Produces
  static PageRule page(UnifiedSigninConfig config) {
    return PageRule.of(config.setupTemplate(), Feature.UNIFIED_SIGNIN, PageAccess.FRESH);
  }

  private String chosenMethod;
  private List<String> deleteMethods = List.of();
  private String phone;
  private String passcode;
  private String state;
  private JsonObject started;
  private String qrCode;

  /** The radio and check boxes are plain inputs (Faces renders their groups as tables). */
  @PostConstruct
  void init() {
    chosenMethod = pages.request().getParameter("chosen_method");
    String[] deletes = pages.request().getParameterValues("delete_method");
    deleteMethods = deletes == null ? List.of() : Arrays.asList(deletes);
    state = pages.request().getParameter("state");
  }

  @Override
  protected List<String> fields() {
    return List.of("chosen_method", "phone", "delete_method", "passcode");
  }

  /** Removes the ticked methods and starts setting up the chosen one. */
  public String choose() {
    Map<String, String> fields = new HashMap<>();
    fields.put("chosen_method", chosenMethod);
    fields.put("phone", phone);
    SetupOutcome outcome =
        setup.setup(
            user(),
            Form.read(FormData.of(fields), UsSetupService.FIELDS, List.of()),
            deleteMethods);
    if (outcome instanceof SetupOutcome.Rejected rejected) {
      show(rejected.fieldErrors());
    } else if (outcome instanceof SetupOutcome.Started begun) {
      started = begun.fields();
      state = started.getString("state");
      qrCode = begun.qrCode().orElse(null);
    } else {
      pages.flash("US_SETUP_SUCCESSFUL", Map.of());
      pages.redirectToView(config.setupTemplate());
    }
    return null;
  }

  /** Confirms the method being set up with its first code. */
  public String confirm() {
    ValidateOutcome outcome =
        setup.validate(
            user(),
            state == null ? "" : state,
            Optional.ofNullable(passcode).filter(p -> !p.isEmpty()));
    if (outcome instanceof ValidateOutcome.Rejected rejected) {
      show(Map.of(rejected.field(), List.of(rejected.message())));
      passcode = null;
      return null;
    }
    pages.flash("US_SETUP_SUCCESSFUL", Map.of());
    pages.redirectToView(config.postSetupView());
    return null;
  }

  /** Whether a new method waits for its first code (the second part of the page). */
  public boolean isValidating() {
    return state != null && !state.isEmpty();
  }

  /** The methods the user signs in with now. */
  public List<String> getActiveMethods() {
    return service.activeMethods(user());
  }

  /** Methods that may be added: set-up methods not active yet. */
  public List<String> getAddable() {
    List<String> active = getActiveMethods();
    return config.setupMethods().stream().filter(m -> !active.contains(m)).toList();
  }

  /** Methods that may be removed: active ones but the password. */
  public List<String> getRemovable() {
    return getActiveMethods().stream().filter(m -> !m.equals("password")).toList();
  }

  /** The value of the started set-up's reply field, e.g. {@code authr_key}; empty otherwise. */
  public String started(String field) {
    return started == null || !started.containsKey(field) || started.isNull(field)
        ? ""
        : started.getString(field);
  }

  /** The QR code of an authenticator being set up, else {@code null}. */
  public String getQrCode() {
    return qrCode;
  }

  /** The key of a method's name in the page bundle. */
  public String methodName(String method) {
    return switch (method) {
      case "password" -> "page.us_setup.method.password";
      case "email" -> "page.us_setup.method.email";
      case "authenticator" -> "page.us_setup.method.authenticator";
      case "sms" -> "page.us_setup.method.sms";
      default -> throw new IllegalArgumentException("unknown method " + method);
    };
  }

  /** The user's phone number for SMS codes, if any. */
  public String getCurrentPhone() {
    return user().usPhoneNumber();
  }

  private UserRecord user() {
    return pages.caller().user();
  }

  public String getChosenMethod() {
    return chosenMethod;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getPasscode() {
    return passcode;
  }

  public void setPasscode(String passcode) {
    this.passcode = passcode;
  }

  public String getState() {
    return state;
  }
}
