package dev.portcullis.web.recoverycodes;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.recoverycodes.RecoveryCodesService;
import dev.portcullis.impl.recoverycodes.RecoveryCodesService.RedeemOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.twofactor.TwoFactorCaller;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorStates;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import dev.portcullis.web.twofactor.TwoFactorPages;
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
 * Backs {@code security/mf_recovery.xhtml} (Flask-Security {@code recovery_codes.mf_recovery} and
 * its template, spec §1.2 #16): a user whose sign-in waits for a code signs in with a recovery code
 * instead; the code is used up and no remember-this-device cookie follows.
 */
@Named
@RequestScoped
public class RecoveryBean extends FormPage {

  @Inject RecoveryCodesService service;
  @Inject TwoFactorPages twoFactor;
  @Inject Pages pages;

  /**
   * The page: anonymous callers, while recovery codes are on; the state is checked by {@link
   * #open}.
   */
  @Produces
  static PageRule page(RecoveryCodesConfig config) {
    return PageRule.of(
        config.recoveryTemplate(), Feature.MULTI_FACTOR_RECOVERY_CODES, PageAccess.ANONYMOUS);
  }

  private TwoFactorCaller caller;
  private TwoFactorState state;
  private String code;
  private String next;

  /** {@code next} from the request. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
  }

  /** The view action: a sign-in waiting for its code ({@code ready}), else out of turn. */
  public void open() {
    allowed();
  }

  @Override
  protected List<String> fields() {
    return List.of("code");
  }

  /** Redeems the code and signs in, or shows why not. */
  public String submit() {
    if (!allowed()) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("code", code);
    RedeemOutcome outcome =
        service.redeem(caller.user(), Form.read(FormData.of(fields), List.of("code"), List.of()));
    if (outcome instanceof RedeemOutcome.Rejected rejected) {
      TwoFactorState counted = state.failedOnce();
      if (counted.exhausted()) {
        TwoFactorStates.clear(pages.request());
        pages.flash("TWO_FACTOR_TOO_MANY_ATTEMPTS", Map.of());
        pages.redirectToView(twoFactor.errorView());
      } else {
        TwoFactorStates.put(pages.request(), counted);
        show(rejected.fieldErrors());
      }
      return null;
    }
    twoFactor.signIn(caller.pending().orElseThrow(), next, false);
    return null;
  }

  private boolean allowed() {
    if (state != null) {
      return true;
    }
    Optional<TwoFactorCaller> found = twoFactor.caller().filter(c -> !c.signedIn());
    Optional<TwoFactorState> ready =
        found
            .flatMap(c -> c.state(pages.request()))
            .filter(s -> s.phase() == TwoFactorState.Phase.READY);
    if (ready.isEmpty()) {
      twoFactor.illegalState();
      return false;
    }
    caller = found.get();
    state = ready.get();
    return true;
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
}
