package dev.portcullis.impl.login;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET/POST /login} of the JSON API (Flask-Security {@code views.login}, spec §1.2 #1).
 * Browsers asking for {@code /login} are sent to the login page.
 */
@Path("login")
@RequestScoped
public class LoginResource {

  @Inject LoginService service;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject UserJson userJson;
  @Inject Csrf csrf;
  @Inject Replies reply;
  @Inject LoginConfig config;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The CSRF token and identity attributes, or the current user when signed in. */
  @GET
  public Response get() {
    var authentication = Authentication.of(request);
    if (!WantJson.test(request)) {
      return authentication.isPresent()
          ? Views.redirectToView(request, views.postLoginView())
          : Views.redirectToView(request, views.signInTemplate() + nextQuery());
    }
    JsonObjectBuilder body = Jsons.object();
    if (authentication.isPresent()) {
      body.add("user", userJson.of(authentication.get().user(), false));
    } else {
      JsonArrayBuilder attributes = Jsons.array();
      config.identityAttributeNames().forEach(attributes::add);
      body.add("identity_attributes", attributes);
    }
    csrf.maybeSendCookie(request, response, true);
    return reply.withCsrfToken(body, request);
  }

  /** Password login. */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    boolean json = WantJson.test(request);
    if (Authentication.of(request).isPresent()) {
      return json
          ? reply.error(400, "ANONYMOUS_USER_REQUIRED")
          : Views.redirectToView(request, views.postLoginView());
    }
    LoginOutcome outcome =
        service.authenticate(
            LoginForm.from(data, config.usernameEnable()),
            uri.getQueryParameters().getFirst("next"),
            uri.getBaseUri().getHost());
    if (outcome instanceof LoginOutcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.loginTemplate());
    }
    LoginOutcome.Authenticated ok = (LoginOutcome.Authenticated) outcome;
    SignInResult result =
        signIn.complete(
            PrimaryAuthentication.of(ok.user(), "password", ok.remember()), request, response);
    return json
        ? replies.json(result, request)
        : Views.redirectTo(
            replies.browserTarget(
                result, Optional.ofNullable(ok.next()), views.postLoginView(), request));
  }

  private String nextQuery() {
    String next = uri.getQueryParameters().getFirst("next");
    return next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }
}
