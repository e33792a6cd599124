package dev.portcullis.impl.changeemail;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.changeemail.ChangeEmailService.ConfirmOutcome;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code GET /change-email-confirm/<token>}: the link mailed to the new address. */
@Path("change-email-confirm")
@RequestScoped
@Feature.Gated(Feature.CHANGE_EMAIL)
public class ChangeEmailConfirmResource {

  @Inject ChangeEmailService service;
  @Inject LinkAnswers answers;
  @Inject AccountConfig config;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Context HttpServletRequest request;

  /** Switches to the new address, then redirects with the outcome. */
  @GET
  @Path("{token}")
  public Response confirm(@PathParam("token") String token) {
    ConfirmOutcome outcome = service.confirm(token);
    if (outcome instanceof ConfirmOutcome.Changed changed) {
      return answers.redirect(
          request,
          views.postChangeEmailView(),
          views.postChangeEmailView().orElse(redirectConfig.postLoginView()),
          "CHANGE_EMAIL_CONFIRMED",
          Map.of(),
          changed.user());
    }
    ConfirmOutcome.Failed failed = (ConfirmOutcome.Failed) outcome;
    return answers.redirect(
        request,
        views.changeEmailErrorView(),
        views.changeEmailErrorView().orElse(views.changeEmailTemplate()),
        failed.messageKey(),
        Map.of("within", config.changeEmailWithin(), "email", failed.email()),
        null);
  }
}
