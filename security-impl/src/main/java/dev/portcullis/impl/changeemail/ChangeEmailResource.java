package dev.portcullis.impl.changeemail;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.changeemail.ChangeEmailService.RequestOutcome;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code GET/POST /change-email} (Flask-Security 5.5): authenticated and fresh. */
@Path("change-email")
@RequestScoped
@Feature.Gated(Feature.CHANGE_EMAIL)
@AuthRequired
public class ChangeEmailResource {

  /** Registers this feature's flag ({@code security.change_email}) with the gate. */
  @Produces
  static FeatureFlag flag(AccountConfig config) {
    return new FeatureFlag(Feature.CHANGE_EMAIL, config.changeEmail());
  }

  @Inject ChangeEmailService service;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject LinkAnswers answers;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject AuthenticationConfig authConfig;
  @Inject FlowViews views;
  @Inject MailLinks mailLinks;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The current email and a CSRF token; the page for browsers. */
  @GET
  public Response get() {
    if (!access.isFresh(request)) {
      return stale();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.changeEmailTemplate());
    }
    UserRecord user = Authentication.of(request).orElseThrow().user();
    return Envelope.ok(
        Jsons.object()
            .add("current_email", user.email())
            .add("csrf_token", csrf.token(request))
            .build());
  }

  /** Sends a confirmation link to the new address. */
  @POST
  public Response post(FormData data) {
    if (!access.isFresh(request)) {
      return stale();
    }
    UserRecord user = Authentication.of(request).orElseThrow().user();
    Form form = Form.read(data, List.of("email"), List.of());
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    RequestOutcome outcome = service.request(user, form, links.get());
    boolean json = WantJson.test(request);
    if (outcome instanceof RequestOutcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.changeEmailTemplate());
    }
    String newEmail = ((RequestOutcome.Sent) outcome).newEmail();
    if (!json) {
      return answers.redirect(
          request,
          Optional.empty(),
          views.changeEmailTemplate(),
          "CHANGE_EMAIL_SENT",
          Map.of("email", newEmail),
          null);
    }
    return Envelope.ok(
        Jsons.object()
            .add("current_email", user.email())
            .add("csrf_token", csrf.token(request))
            .build());
  }

  private Response stale() {
    return denials
        .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
        .toResponse();
  }
}
