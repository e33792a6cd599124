package dev.portcullis.impl.confirmation;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.confirmation.ConfirmationService.ConfirmOutcome;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
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
 * {@code /confirm} and {@code /confirm/<token>} (Flask-Security {@code views.send_confirmation} and
 * {@code confirm_email}).
 */
@Path("confirm")
@RequestScoped
@Feature.Gated(Feature.CONFIRMABLE)
public class ConfirmResource {

  /** Registers this feature's flag ({@code security.confirmable}) with the gate. */
  @Produces
  static FeatureFlag flag(AccountConfig config) {
    return new FeatureFlag(Feature.CONFIRMABLE, config.confirmable());
  }

  @Inject ConfirmationService service;
  @Inject Replies reply;
  @Inject SessionLogin sessions;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject LinkAnswers answers;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject MailLinks mailLinks;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The CSRF token, or the resend page for browsers. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.sendConfirmationTemplate());
    }
    return reply.csrfToken(request);
  }

  /** Resends confirmation instructions. */
  @POST
  @UnauthCsrf
  public Response send(FormData data) {
    Form form = Form.read(data, List.of("email"), List.of());
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    var outcome = service.sendInstructions(form, links.get());
    boolean json = WantJson.test(request);
    if (outcome instanceof ConfirmationService.SendOutcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.sendConfirmationTemplate());
    }
    if (!json) {
      return answers.redirect(
          request,
          java.util.Optional.empty(),
          views.sendConfirmationTemplate(),
          "CONFIRMATION_REQUEST",
          Map.of("email", form.text("email").orElse("")),
          null);
    }
    return reply.csrfToken(request);
  }

  /** The link in the mail: confirms, then redirects. */
  @GET
  @Path("{token}")
  public Response confirm(@PathParam("token") String token) {
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    ConfirmOutcome outcome = service.confirm(token, links.get());
    String errorView = views.confirmErrorView().orElse(views.sendConfirmationTemplate());
    if (outcome instanceof ConfirmOutcome.Expired expired) {
      return answers.redirect(
          request,
          views.confirmErrorView(),
          errorView,
          "CONFIRMATION_EXPIRED",
          Map.of("within", config.confirmEmailWithin(), "email", expired.user().email()),
          expired.user());
    }
    if (outcome instanceof ConfirmOutcome.AlreadyConfirmed) {
      return answers.redirect(
          request, views.confirmErrorView(), errorView, "ALREADY_CONFIRMED", Map.of(), null);
    }
    if (!(outcome instanceof ConfirmOutcome.Confirmed confirmed)) {
      return answers.redirect(
          request,
          views.confirmErrorView(),
          errorView,
          "INVALID_CONFIRMATION_TOKEN",
          Map.of(),
          null);
    }
    return confirmed(confirmed);
  }

  /** POST to the link is routed to the same logic, as in Flask-Security. */
  @POST
  @Path("{token}")
  public Response confirmByPost(@PathParam("token") String token) {
    return confirm(token);
  }

  private Response confirmed(ConfirmOutcome.Confirmed confirmed) {
    var current = Authentication.of(request);
    if (current.isPresent() && current.get().user().id() != confirmed.user().id()) {
      sessions.logout(request, response);
    }
    boolean login = config.autoLoginAfterConfirm();
    if (login) {
      SignInResult result =
          signIn.complete(
              PrimaryAuthentication.of(confirmed.user(), "confirm", false), request, response);
      if (result instanceof SignInResult.SecondFactorRequired) {
        return Views.redirectTo(
            replies.browserTarget(
                result, Optional.empty(), redirectConfig.postLoginView(), request));
      }
    }
    String htmlView =
        views
            .postConfirmView()
            .orElse(login ? redirectConfig.postLoginView() : redirectConfig.signInTemplate());
    return answers.redirect(
        request, views.postConfirmView(), htmlView, "EMAIL_CONFIRMED", Map.of(), confirmed.user());
  }
}
