package dev.portcullis.web.recoverycodes;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.recoverycodes.RecoveryCodesService;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code security/mf_recovery_codes.xhtml} (Flask-Security {@code
 * recovery_codes.mf_recovery_codes} and its template, spec §1.2 #15): signed in and fresh, a user
 * shows their codes on request ({@code ?show_codes}, as in Flask) or makes a new set, shown once
 * right away.
 */
@Named
@RequestScoped
public class RecoveryCodesBean extends FormPage {

  @Inject RecoveryCodesService service;
  @Inject Pages pages;
  @Inject Messages messages;

  /** The page: signed in and fresh, while recovery codes are on. */
  @Produces
  static PageRule page(RecoveryCodesConfig config) {
    return PageRule.of(
        config.codesTemplate(), Feature.MULTI_FACTOR_RECOVERY_CODES, PageAccess.FRESH);
  }

  private List<String> generated;

  @Override
  protected List<String> fields() {
    return List.of();
  }

  /** Makes a new set, replacing the old one, and shows it on the page this renders. */
  public String generate() {
    generated = service.generate(pages.caller().user());
    return null;
  }

  /**
   * Whether the page shows codes: a new set, or the current ones asked for with {@code
   * ?show_codes}.
   */
  public boolean isShowing() {
    return generated != null || pages.request().getParameter("show_codes") != null;
  }

  /** Whether the codes shown were made just now. */
  public boolean isGenerated() {
    return generated != null;
  }

  /** The codes to show: the new set, else the current ones when asked for. */
  public List<String> getCodes() {
    if (generated != null) {
      return generated;
    }
    return isShowing() ? service.readable(pages.caller().user()) : List.of();
  }

  /**
   * Flask's {@code NO_RECOVERY_CODES_SETUP} when codes were asked for and there are none, else
   * {@code null}.
   */
  public String getNoCodes() {
    return isShowing() && getCodes().isEmpty() ? messages.text("NO_RECOVERY_CODES_SETUP") : null;
  }
}
