package dev.portcullis.web.webauthn;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.twofactor.TwoFactorCompletion;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import dev.portcullis.impl.webauthn.RelyingPartyIdentity;
import dev.portcullis.impl.webauthn.WanAssertions;
import dev.portcullis.impl.webauthn.WanState;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code security/wan_signin.xhtml} (Flask-Security {@code wan_signin} and {@code
 * wan_signin_response}, spec §7.6) and the passkey autofill of the login page: signing in with a
 * key as the first factor (a passkey, with an optional identity hint when {@code
 * security.wan_allow_user_hints} allows) or as the second factor of the sign-in pending on the
 * session. It calls {@link WanAssertions} as {@code /wan-signin} does, and success goes through the
 * same sign-in pipeline. The page is a stateless view protected by its {@code csrf_token} field.
 */
@Named
@RequestScoped
public class WanSigninBean extends WanCeremony {

  @Inject Instance<WanAssertions> assertions;
  @Inject WebAuthnConfig config;
  @Inject Instance<RelyingPartyIdentity> identities;
  @Inject WanPages wan;
  @Inject SignIn signIn;
  @Inject TwoFactorCompletion completion;
  @Inject SignInReplies replies;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Inject LoginConfig login;
  @Inject Pages pages;

  /** The page: callers not signed in, while WebAuthn is on. */
  @Produces
  static PageRule page(WebAuthnConfig config) {
    return PageRule.of(config.signinTemplate(), Feature.WEBAUTHN, PageAccess.ANONYMOUS);
  }

  private String identity;
  private boolean remember;
  private String next;
  private Optional<PendingSignIn> pending;
  private WanAssertions.Checked.Refused refusal;

  /** The {@code next} query parameter on GET, the hidden field on POST; the remember default. */
  @PostConstruct
  void init() {
    next = pages.request().getParameter("next");
    remember = login.defaultRememberMe();
  }

  /** The view action: the page exists for a pending second factor, or for passkeys. */
  public void open() {
    allowed();
  }

  @Override
  protected List<String> fields() {
    return List.of("identity", "remember", "credential");
  }

  @Override
  protected List<String> formLevelFields() {
    return List.of("", "next", "usage");
  }

  /** Asks for request options and shows the page with them. */
  public String start() {
    if (!allowed()) {
      return null;
    }
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      show(wan.untrustedHost());
      return null;
    }
    Optional<String> hint =
        isHintOffered()
            ? Optional.ofNullable(identity).filter(i -> !i.isBlank())
            : Optional.empty();
    boolean rememberMe = pending.map(PendingSignIn::remember).orElse(remember);
    started(
        assertions.get().startSignin(pending.map(PendingSignIn::user), hint, rememberMe, rp.get()),
        wan);
    return null;
  }

  /** Checks the browser's credential and signs in, or shows why not. */
  public String finish() {
    Optional<WanAssertions.Checked.Passed> passed = check();
    if (passed.isPresent()) {
      signIn(passed.get());
    }
    return null;
  }

  /**
   * The login page's passkey autofill: as {@link #finish()}, but a refusal is flashed and the
   * caller goes to this page (as {@code /wan-signin/<state>} answers a browser).
   */
  public String finishAutofill() {
    Optional<WanAssertions.Checked.Passed> passed = check();
    if (passed.isPresent()) {
      signIn(passed.get());
    } else if (refusal != null) {
      pages.flash(refusal.messageKey(), refusal.args());
      pages.redirectToView(config.signinTemplate());
    }
    return null;
  }

  private Optional<WanAssertions.Checked.Passed> check() {
    if (!allowed()) {
      return Optional.empty();
    }
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      refusal = new WanAssertions.Checked.Refused("UNTRUSTED_HOST", Map.of());
      show(wan.untrustedHost());
      return Optional.empty();
    }
    WanAssertions.Checked checked =
        assertions
            .get()
            .finish(
                postedState(),
                pending.isPresent() ? WanState.Ceremony.SECONDARY : WanState.Ceremony.SIGNIN,
                pending.map(PendingSignIn::user),
                postedCredential(),
                rp.get());
    reset();
    if (checked instanceof WanAssertions.Checked.Refused refused) {
      refusal = refused;
      show(wan.errors(null, refused.messageKey(), refused.args()));
      return Optional.empty();
    }
    return Optional.of((WanAssertions.Checked.Passed) checked);
  }

  /**
   * Through the pipeline: the second factor of the pending sign-in, or a first factor that is a
   * second factor too when the key verified the user and {@code security.wan_allow_as_multi_factor}
   * allows.
   */
  private void signIn(WanAssertions.Checked.Passed passed) {
    HttpServletRequest request = pages.request();
    SignInResult result =
        pending.isPresent()
            ? completion.complete(pending.get(), true, request, pages.response())
            : signIn.complete(
                new PrimaryAuthentication(
                    passed.owner(),
                    "webauthn",
                    passed.remember(),
                    !(passed.userVerified() && config.allowAsMultiFactor())),
                request,
                pages.response());
    Optional<String> target =
        next == null || next.isEmpty()
            ? Optional.empty()
            : redirects.validate(next, request.getServerName());
    pages.redirect(replies.browserTarget(result, target, views.postLoginView(), request));
  }

  /** Without a pending second factor, keys must be allowed as the first factor (else 404). */
  private boolean allowed() {
    if (pending == null) {
      pending = wan.secondary();
    }
    if (pending.isEmpty() && !config.allowAsFirstFactor()) {
      wan.notFound();
      return false;
    }
    return true;
  }

  /**
   * Whether the login page offers passkeys in its identity field's autofill (conditional mediation;
   * the script uses it only where the browser supports it): keys are a first factor.
   */
  public boolean isAutofillOffered() {
    return config.enabled() && config.allowAsFirstFactor();
  }

  /**
   * Request options with no identity for the login page's autofill, started once per rendering;
   * {@code null} when not offered or refused (an untrusted host): the password form stays as is.
   */
  public String getAutofillOptions() {
    if (!isAutofillOffered()) {
      return null;
    }
    if (!isStarted()) {
      wan.relyingParty(identities.get())
          .ifPresent(
              rp ->
                  started(
                      assertions.get().startSignin(Optional.empty(), Optional.empty(), false, rp),
                      wan));
    }
    return getOptions();
  }

  /** How long the autofill's state is good for, in milliseconds ({@code wan_signin_within}). */
  public long getAutofillLifetime() {
    return config.signinWithin().toMillis();
  }

  /** This page, with the {@code next} of the current one: the login page's passkey link. */
  public String getSigninUrl() {
    String url = Views.url(pages.request(), config.signinTemplate());
    return next == null || next.isEmpty()
        ? url
        : url + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  /** The login page's identity field: {@code username webauthn} when passkeys are offered. */
  public String getIdentityAutocomplete() {
    return isAutofillOffered() ? "username webauthn" : "username";
  }

  /** Whether the key is the second factor of a pending sign-in (Flask's {@code is_secondary}). */
  public boolean isSecondary() {
    allowed();
    return pending.isPresent();
  }

  /** Whether the page asks for an identity hint: first factor, hints allowed. */
  public boolean isHintOffered() {
    return !isSecondary() && config.allowUserHints();
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
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
