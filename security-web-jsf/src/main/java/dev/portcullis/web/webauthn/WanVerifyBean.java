package dev.portcullis.web.webauthn;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureGate;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import dev.portcullis.impl.webauthn.RelyingPartyIdentity;
import dev.portcullis.impl.webauthn.WanAssertions;
import dev.portcullis.impl.webauthn.WanState;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code security/wan_verify.xhtml} (Flask-Security {@code wan_verify} and {@code
 * wan_verify_response}, spec §1.2 #29, #30): re-authentication with one of the caller's own keys
 * (of a usage {@code security.wan_allow_as_verify} accepts), which makes the session fresh again,
 * then back to the validated {@code next} or {@code security.post_verify_view}.
 */
@Named
@RequestScoped
public class WanVerifyBean extends WanCeremony {

  @Inject Instance<WanAssertions> assertions;
  @Inject Instance<RelyingPartyIdentity> identities;
  @Inject FeatureGate features;
  @Inject WebAuthnConfig config;
  @Inject WanPages wan;
  @Inject SignIn signIn;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Inject Pages pages;

  /** The page: signed-in callers, while {@code /wan-verify} exists. */
  @Produces
  static PageRule page(WebAuthnConfig config) {
    return PageRule.of(config.verifyTemplate(), Feature.WEBAUTHN_VERIFY, PageAccess.SIGNED_IN);
  }

  private String next;

  /** The {@code next} query parameter on GET, the hidden field on POST. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
  }

  @Override
  protected List<String> fields() {
    return List.of("credential");
  }

  @Override
  protected List<String> formLevelFields() {
    return List.of("", "credential", "next");
  }

  /** Asks for request options with the caller's keys and shows them. */
  public String start() {
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      show(wan.untrustedHost());
      return null;
    }
    started(assertions.get().startVerify(caller(), rp.get()), wan);
    return null;
  }

  /** Checks the browser's credential (a key of the caller's); the session is fresh again. */
  public String finish() {
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      show(wan.untrustedHost());
      return null;
    }
    UserRecord user = caller();
    WanAssertions.Checked checked =
        assertions
            .get()
            .finish(
                postedState(),
                WanState.Ceremony.VERIFY,
                Optional.of(user),
                postedCredential(),
                rp.get());
    reset();
    if (checked instanceof WanAssertions.Checked.Refused refused) {
      show(wan.errors(null, refused.messageKey(), refused.args()));
      return null;
    }
    signIn.reauthenticated(user, pages.request());
    pages.flash("REAUTHENTICATION_SUCCESSFUL", Map.of());
    Optional<String> target =
        next == null || next.isEmpty()
            ? Optional.empty()
            : redirects.validate(next, pages.request().getServerName());
    if (target.isPresent()) {
      pages.redirect(target.get());
    } else {
      pages.redirectToView(views.postVerifyView().orElse(views.postLoginView()));
    }
    return null;
  }

  /**
   * Whether the password verify page links here: {@code /wan-verify} exists and the caller has a
   * key it accepts (Flask's {@code has_webauthn_verify_credential}).
   */
  public boolean isOffered() {
    return features.enabled(Feature.WEBAUTHN_VERIFY)
        && assertions.get().hasVerifyCredential(caller());
  }

  /** The password verify page, with this page's {@code next}. */
  public String getPasswordVerifyUrl() {
    return withNext(views.verifyTemplate());
  }

  /** This page, with the {@code next} of the current one (the password verify page's link). */
  public String getUrl() {
    return withNext(config.verifyTemplate());
  }

  private String withNext(String view) {
    String url = Views.url(pages.request(), view);
    return next == null || next.isEmpty()
        ? url
        : url + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  private UserRecord caller() {
    return pages.caller().user();
  }
}
