package dev.portcullis.web.layout;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureGate;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which optional features are enabled, for views that link to their pages only when they exist
 * (Flask-Security's {@code security.registerable} and the like in templates), and where those pages
 * are: {@code #{request.contextPath}#{securityFeatures.views.registerTemplate()}}.
 */
@Named("securityFeatures")
@ApplicationScoped
public class Features {

  @Inject FeatureGate gate;
  @Inject FlowViews views;
  @Inject RedirectConfig redirects;
  @Inject HttpServletRequest request;
  @Inject WebAuthnConfig webauthn;

  /** The login page's Faces view ({@code security.login_user_template}). */
  public String getLoginTemplate() {
    return redirects.loginTemplate();
  }

  /**
   * The URL of the sign-in page, for "Back to sign in" links: the login page, or unified sign-in
   * when it replaces login.
   */
  public String getLoginUrl() {
    return Views.url(request, redirects.signInTemplate());
  }

  /** The URL of the password login page itself (unified sign-in's link to it). */
  public String getPasswordLoginUrl() {
    return Views.url(request, redirects.loginTemplate());
  }

  /**
   * The URL of {@code security.post_login_view}, where the "Back" links of the signed-in pages
   * lead.
   */
  public String getHomeUrl() {
    return Views.url(request, redirects.postLoginView());
  }

  /** The configured Faces views of the account pages ({@code security.*_template}). */
  public FlowViews getViews() {
    return views;
  }

  /**
   * The WebAuthn settings, for links to its pages: {@code
   * #{securityFeatures.webauthn.registerTemplate()}}.
   */
  public WebAuthnConfig getWebauthn() {
    return webauthn;
  }

  /** Whether the named feature is on, e.g. {@code #{securityFeatures.enabled('two_factor')}}. */
  public boolean enabled(String feature) {
    return gate.enabled(feature);
  }

  /** {@code security.registerable}. */
  public boolean isRegisterable() {
    return gate.enabled(Feature.REGISTERABLE);
  }

  /** {@code security.confirmable}. */
  public boolean isConfirmable() {
    return gate.enabled(Feature.CONFIRMABLE);
  }

  /** {@code security.recoverable}. */
  public boolean isRecoverable() {
    return gate.enabled(Feature.RECOVERABLE);
  }

  /** {@code security.changeable}. */
  public boolean isChangeable() {
    return gate.enabled(Feature.CHANGEABLE);
  }

  /** {@code security.change_email}. */
  public boolean isChangeEmail() {
    return gate.enabled(Feature.CHANGE_EMAIL);
  }
}
