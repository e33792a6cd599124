package dev.portcullis.impl.login;

import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Csrf;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Messages;
import dev.portcullis.impl.rest.RedirectConfig;
import dev.portcullis.impl.rest.Views;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET/POST /verify}: re-authentication with the password, which refreshes the session's
 * freshness anchor (Flask-Security {@code views.verify}, spec §1.2 #3 and §7.8).
 */
@Path("verify")
@RequestScoped
@AuthRequired
public class VerifyResource {

  @Inject PasswordCheck passwords;
  @Inject UserJson userJson;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject LoginConfig config;
  @Inject RedirectConfig views;
  @Inject Clock clock;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** The user and a CSRF token, or the verify page for browsers. */
  @GET
  public Response get() {
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.verifyTemplate());
    }
    UserRecord user = Authentication.of(request).orElseThrow().user();
    return Envelope.ok(
        Jsons.object()
            .add("user", userJson.of(user, false))
            .add("csrf_token", csrf.token(request))
            .add("has_webauthn_verify_credential", false)
            .build());
  }

  /** Checks the password and refreshes freshness. */
  @POST
  public Response post(InputStream entity) {
    var parsed = FormData.read(entity, request.getContentType(), config.maxRequestBytes());
    if (parsed instanceof FormData.Parsed.Rejected rejected) {
      return Envelope.of(
          rejected.status(), Envelope.errors(List.of(messages.text(rejected.messageKey()))));
    }
    FormData data = ((FormData.Parsed.Accepted) parsed).data();
    UserRecord user = Authentication.of(request).orElseThrow().user();
    FieldErrors errors = new FieldErrors();
    var password = data.string("password");
    if (password instanceof FormData.FieldValue.WrongType<String> wrong) {
      errors.add("password", messages.text(wrong.messageKey()));
    } else if (password.asOptional().filter(p -> !p.isEmpty()).isEmpty()) {
      errors.add("password", messages.text("PASSWORD_NOT_PROVIDED"));
    } else if (!passwords.verifyAndUpdate(user, password.asOptional().get())) {
      errors.add("password", messages.text("INVALID_PASSWORD"));
    }
    if (!errors.isEmpty()) {
      return Envelope.of(400, Envelope.fieldErrors(errors.toMap()));
    }
    request
        .getSession(true)
        .setAttribute(SessionKeys.PRIMARY_AUTHN_AT, clock.instant().getEpochSecond());
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.postVerifyView().orElse(views.postLoginView()));
    }
    boolean includeToken =
        config.backwardsCompatAuthToken()
            || uri.getQueryParameters().containsKey("include_auth_token");
    return Envelope.ok(
        Jsons.object()
            .add("user", userJson.of(user, includeToken))
            .add("csrf_token", csrf.token(request))
            .build());
  }
}
