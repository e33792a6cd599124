package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/POST /tf-select} (Flask-Security {@code tf_plugin.tf_select}, spec §1.2 #14, §7.4): a
 * user with several second factors chooses one; its login step then runs as if it were the only
 * one.
 */
@Path("tf-select")
@RequestScoped
@Feature.Gated({Feature.TWO_FACTOR, Feature.WEBAUTHN})
public class TwoFactorSelectResource {

  @Inject SignIn signIn;
  @Inject SignInReplies signInReplies;
  @Inject TwoFactorReplies answers;
  @Inject TwoFactorConfig config;
  @Inject Replies reply;
  @Inject Messages messages;
  @Inject Redirects redirects;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The user's set-up methods. */
  @GET
  public Response get() {
    Optional<PendingSignIn> pending = signIn.pendingSelection(request);
    if (pending.isEmpty()) {
      return answers.illegalState(request);
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.selectTemplate());
    }
    JsonArrayBuilder methods = Jsons.array();
    signIn.setUpFactors(pending.get().user()).forEach(methods::add);
    return reply.withCsrfToken(
        Jsons.object().add("tf_select", true).add("tf_setup_methods", methods), request);
  }

  /** Starts the chosen method ({@code which}). */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<PendingSignIn> pending = signIn.pendingSelection(request);
    if (pending.isEmpty()) {
      return answers.illegalState(request);
    }
    Form form = Form.read(data, List.of("which"), List.of());
    FieldErrors errors = form.typeErrors(messages);
    Optional<SecondFactor.Step> step =
        errors.isEmpty()
            ? signIn.select(pending.get(), form.text("which").orElse(""), request)
            : Optional.empty();
    if (step.isEmpty()) {
      if (errors.isEmpty()) {
        errors.add("which", messages.text("FIELD_NOT_A_CHOICE"));
      }
      return answers.fieldErrors(request, 400, errors.toMap(), config.selectTemplate());
    }
    SignInResult result =
        new SignInResult.SecondFactorRequired(
            pending.get().user(), List.of(), "", Optional.of(step.get()));
    return WantJson.test(request)
        ? signInReplies.json(result, request)
        : Views.redirectTo(
            signInReplies.browserTarget(
                result,
                redirects.validate(
                    uri.getQueryParameters().getFirst("next"), uri.getBaseUri().getHost()),
                config.selectTemplate(),
                request));
  }
}
