package dev.portcullis.impl.recovery;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.recovery.RecoveryService.ForgotOutcome;
import dev.portcullis.impl.recovery.RecoveryService.LinkStatus;
import dev.portcullis.impl.recovery.RecoveryService.ResetOutcome;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.views.FlowRedirects;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /reset} and {@code /reset/<token>} (Flask-Security {@code views.forgot_password} and
 * {@code reset_password}). Anonymous callers only.
 */
@Path("reset")
@RequestScoped
@Feature.Gated(Feature.RECOVERABLE)
@AnonymousRequired
public class ResetResource {

  /** Registers this feature's flag ({@code security.recoverable}) with the gate. */
  @Produces
  static FeatureFlag flag(AccountConfig config) {
    return new FeatureFlag(Feature.RECOVERABLE, config.recoverable());
  }

  @Inject RecoveryService service;
  @Inject Replies reply;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject UserJson userJson;
  @Inject LinkAnswers answers;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject FlowRedirects redirects;
  @Inject MailLinks mailLinks;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The CSRF token, or the forgot-password page for browsers. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.forgotPasswordTemplate());
    }
    return reply.csrfToken(request);
  }

  /** Mails reset instructions. */
  @POST
  @UnauthCsrf
  public Response forgot(FormData data) {
    Optional<Form> form = Optional.of(Form.read(data, List.of("email"), List.of()));
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    ForgotOutcome outcome = service.forgot(form.get(), links.get());
    boolean json = WantJson.test(request);
    if (outcome instanceof ForgotOutcome.Rejected rejected) {
      if (!json
          && rejected.confirmationRequired()
          && views.requiresConfirmationErrorView().isPresent()) {
        return answers.redirect(
            request,
            Optional.empty(),
            views.requiresConfirmationErrorView().get(),
            "CONFIRMATION_REQUIRED",
            Map.of(),
            null);
      }
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.forgotPasswordTemplate());
    }
    if (!json) {
      return answers.redirect(
          request,
          Optional.empty(),
          views.forgotPasswordTemplate(),
          "PASSWORD_RESET_REQUEST",
          Map.of("email", form.get().text("email").orElse("")),
          null);
    }
    return reply.csrfToken(request);
  }

  /** The link in the mail: to the reset page (or the SPA's), or back with an error. */
  @GET
  @Path("{token}")
  public Response link(@PathParam("token") String token) {
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    LinkStatus status = service.check(token, links.get());
    if (status instanceof LinkStatus.Unusable unusable) {
      return badLink(unusable.messageKey());
    }
    String target =
        redirects.spa() && views.resetView().isPresent()
            ? views.resetView().get()
            : views.resetPasswordTemplate();
    return redirects.redirect(request, target, Map.of("token", token));
  }

  /** Sets the new password. */
  @POST
  @Path("{token}")
  @UnauthCsrf
  public Response reset(@PathParam("token") String token, FormData data) {
    Optional<Form> form =
        Optional.of(Form.read(data, List.of("password", "password_confirm"), List.of()));
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    ResetOutcome outcome = service.reset(token, form.get(), links.get());
    boolean json = WantJson.test(request);
    if (outcome instanceof ResetOutcome.BadLink bad) {
      return json
          ? Envelope.of(
              400, Envelope.fieldErrors(Map.of("", List.of(messageFor(bad.messageKey())))))
          : badLink(bad.messageKey());
    }
    if (outcome instanceof ResetOutcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : redirects.redirect(request, views.resetPasswordTemplate(), Map.of("token", token));
    }
    return reset(((ResetOutcome.Reset) outcome), json);
  }

  private Response reset(ResetOutcome.Reset reset, boolean json) {
    boolean login = config.autoLoginAfterReset();
    if (login) {
      SignInResult result =
          signIn.complete(
              PrimaryAuthentication.of(reset.user(), "reset", false), request, response);
      if (json) {
        return replies.json(result, request);
      }
      if (result instanceof SignInResult.SecondFactorRequired) {
        return Views.redirectTo(
            replies.browserTarget(
                result, Optional.empty(), redirectConfig.postLoginView(), request));
      }
    }
    if (!json) {
      String view =
          views
              .postResetView()
              .orElse(login ? redirectConfig.postLoginView() : redirectConfig.signInTemplate());
      return answers.redirect(
          request,
          Optional.empty(),
          view,
          login ? "PASSWORD_RESET" : "PASSWORD_RESET_NO_LOGIN",
          Map.of(),
          null);
    }
    return Envelope.ok(JsonValue.EMPTY_JSON_OBJECT);
  }

  private Response badLink(String messageKey) {
    return answers.redirect(
        request,
        views.resetErrorView(),
        views.forgotPasswordTemplate(),
        messageKey,
        Map.of("within", config.resetPasswordWithin()),
        null);
  }

  private String messageFor(String key) {
    return messages.text(key, Map.of("within", config.resetPasswordWithin()));
  }
}
