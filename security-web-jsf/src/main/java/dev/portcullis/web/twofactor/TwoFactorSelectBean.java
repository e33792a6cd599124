package dev.portcullis.web.twofactor;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.web.layout.FormPage;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code security/two_factor_select.xhtml} (Flask-Security {@code tf_plugin.tf_select}, spec
 * §7.4): a user with several second factors chooses one, whose login step then starts.
 */
@Named
@RequestScoped
public class TwoFactorSelectBean extends FormPage {

  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject TwoFactorPages twoFactor;
  @Inject Redirects redirects;
  @Inject Messages messages;
  @Inject Pages pages;

  /** The page: while two-factor is on; only a sign-in waiting for a choice may use it. */
  @Produces
  static PageRule page(TwoFactorConfig config) {
    return PageRule.of(config.selectTemplate(), Feature.TWO_FACTOR, PageAccess.ANONYMOUS);
  }

  private PendingSignIn pending;
  private String which;
  private String next;

  /** {@code next} and the chosen method from the request. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
    which = pages.request().getParameter("which");
  }

  /** The view action: a sign-in waiting for its user to choose, else out of turn. */
  public void open() {
    allowed();
  }

  @Override
  protected List<String> fields() {
    return List.of("which");
  }

  /** Starts the chosen factor and goes to its page. */
  public String submit() {
    if (!allowed()) {
      return null;
    }
    Optional<SecondFactor.Step> step =
        signIn.select(pending, which == null ? "" : which, pages.request());
    if (step.isEmpty()) {
      show(Map.of("which", List.of(messages.text("FIELD_NOT_A_CHOICE"))));
      return null;
    }
    SignInResult result =
        new SignInResult.SecondFactorRequired(pending.user(), List.of(), "", step);
    Optional<String> target =
        next == null ? Optional.empty() : redirects.validate(next, pages.request().getServerName());
    pages.redirect(replies.browserTarget(result, target, "/", pages.request()));
    return null;
  }

  /** The user's set-up methods, with the keys of their labels. */
  public List<TwoFactorSetupBean.Choice> getChoices() {
    return !shown()
        ? List.of()
        : signIn.setUpFactors(pending.user()).stream()
            .map(
                method -> {
                  String key = TwoFactorPages.methodName(method);
                  return new TwoFactorSetupBean.Choice(method, key.isEmpty() ? null : key);
                })
            .toList();
  }

  private boolean allowed() {
    if (!shown()) {
      twoFactor.illegalState();
      return false;
    }
    return true;
  }

  /** The sign-in waiting for a choice, resolved once (also on a postback, for showing the page). */
  private boolean shown() {
    if (pending == null) {
      pending = signIn.pendingSelection(pages.request()).orElse(null);
    }
    return pending != null;
  }

  public String getWhich() {
    return which;
  }

  public String getNext() {
    return next;
  }
}
