package dev.portcullis.impl.registration;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.json.Jsons;
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
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code GET/POST /register} (Flask-Security {@code views.register}, spec §1.2 #5). */
@Path("register")
@RequestScoped
@Feature.Gated(Feature.REGISTERABLE)
@AnonymousRequired
public class RegisterResource {

  /** Registers this feature's flag ({@code security.registerable}) with the gate. */
  @Produces
  static FeatureFlag flag(AccountConfig config) {
    return new FeatureFlag(Feature.REGISTERABLE, config.registerable());
  }

  static final List<String> FIELDS = List.of("email", "password", "password_confirm", "username");

  @Inject RegistrationService service;
  @Inject Replies reply;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject UserJson userJson;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject AccountConfig accountConfig;
  @Inject FlowViews views;
  @Inject MailLinks mailLinks;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The CSRF token, or the registration page for browsers. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.registerTemplate());
    }
    return reply.csrfToken(request);
  }

  /** Registers a user. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Form form = Form.read(data, FIELDS, List.of());
    boolean json = WantJson.test(request);
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    RegistrationOutcome outcome = service.register(form, !json, links.get());
    if (outcome instanceof RegistrationOutcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.registerTemplate());
    }
    if (outcome instanceof RegistrationOutcome.Registered registered) {
      return registered(json, registered);
    }
    return answer(json, null);
  }

  private Response registered(boolean json, RegistrationOutcome.Registered registered) {
    if (registered.login()) {
      SignInResult result =
          signIn.complete(
              PrimaryAuthentication.of(registered.user(), "register", false), request, response);
      if (json) {
        return replies.json(result, request);
      }
      if (result instanceof SignInResult.SecondFactorRequired) {
        return Views.redirectTo(replies.browserTarget(result, Optional.empty(), "/", request));
      }
    }
    return answer(json, registered);
  }

  private Response answer(boolean json, RegistrationOutcome.Registered registered) {
    if (!json) {
      return Views.redirectToView(request, views.postRegisterView().orElse("/"));
    }
    JsonObjectBuilder body = Jsons.object();
    // With generic responses, a new unconfirmed account answers exactly like a taken email.
    if (registered != null && !accountConfig.genericResponses()) {
      body.add("user", userJson.of(registered.user(), false));
    }
    return reply.withCsrfToken(body, request);
  }
}
