package dev.portcullis.impl.oauth;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.FlowRedirects;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the OAuth endpoints answer (Flask-Security {@code oauth_glue}): a browser is redirected — to
 * the login page with the message flashed, or with {@code security.redirect_behavior=spa} to {@code
 * security.login_error_view?error=<message>} and {@code
 * security.post_oauth_login_view?email=..&identity=..}; a JSON client (Portcullis' addition) gets
 * the envelope: 400 with {@code errors}, or the sign-in reply every login gives.
 */
@ApplicationScoped
class OAuthReplies {

  private Messages messages;
  private Flash flash;
  private RedirectConfig views;
  private FlowRedirects flows;
  private SignInReplies signInReplies;
  private OAuthConfig config;

  /** For CDI. */
  protected OAuthReplies() {}

  @Inject
  OAuthReplies(
      Messages messages,
      Flash flash,
      RedirectConfig views,
      FlowRedirects flows,
      SignInReplies signInReplies,
      OAuthConfig config) {
    this.messages = messages;
    this.flash = flash;
    this.views = views;
    this.flows = flows;
    this.signInReplies = signInReplies;
    this.config = config;
  }

  /** A failure, nothing signed in. */
  Response failed(OAuthResult.Failed failed, boolean json, HttpServletRequest request, int status) {
    String text = messages.text(failed.messageKey(), failed.args());
    if (json) {
      return Envelope.of(status, Envelope.errors(List.of(text)));
    }
    String category = messages.category(failed.messageKey());
    if (flows.spa() && config.loginErrorView().isPresent()) {
      return flows.redirect(
          request, config.loginErrorView().get(), FlowRedirects.message(category, text));
    }
    flash.add(request, category, text);
    return Views.redirectToView(request, views.loginTemplate());
  }

  /** A completed sign-in: signed in, or on to the second factor. */
  Response completed(
      SignInResult result, Optional<String> next, boolean json, HttpServletRequest request) {
    if (json) {
      return signInReplies.json(result, request);
    }
    if (result instanceof SignInResult.SignedIn signedIn && flows.spa()) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("email", signedIn.user().email());
      params.put("identity", signedIn.user().email());
      return flows.redirect(
          request, config.postOAuthLoginView().orElse(views.postLoginView()), params);
    }
    return Views.redirectTo(
        signInReplies.browserTarget(result, next, views.postLoginView(), request));
  }
}
