package dev.portcullis.impl.changepassword;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.account.LinkAnswers;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.RememberCookies;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.changepassword.ChangePasswordService.Outcome;
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
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.UserJson;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * {@code GET/POST /change} (Flask-Security {@code views.change_password}). A session caller stays
 * signed in on a fresh session id; every other session and auth token of the user ends.
 */
@Path("change")
@RequestScoped
@Feature.Gated(Feature.CHANGEABLE)
@AuthRequired
public class ChangePasswordResource {

  /** Registers this feature's flag ({@code security.changeable}) with the gate. */
  @Produces
  static FeatureFlag flag(AccountConfig config) {
    return new FeatureFlag(Feature.CHANGEABLE, config.changeable());
  }

  static final List<String> FIELDS = List.of("password", "new_password", "new_password_confirm");

  @Inject ChangePasswordService service;
  @Inject Replies reply;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject UserJson userJson;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject LinkAnswers answers;
  @Inject Csrf csrf;
  @Inject Messages messages;
  @Inject AuthenticationConfig authConfig;
  @Inject RememberCookies rememberCookies;
  @Inject FlowViews views;
  @Inject RedirectConfig redirectConfig;
  @Inject MailLinks mailLinks;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** The user, a CSRF token and whether the user has a password; the page for browsers. */
  @GET
  public Response get() {
    UserRecord user = Authentication.of(request).orElseThrow().user();
    Optional<Response> stale = requireFreshWhenPasswordless(user);
    if (stale.isPresent()) {
      return stale.get();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, views.changePasswordTemplate());
    }
    return Envelope.ok(
        Jsons.object()
            .add("user", userJson.of(user, false))
            .add("csrf_token", csrf.token(request))
            .add("active_password", user.hasPassword())
            .build());
  }

  /** Changes the password. */
  @POST
  public Response post(FormData data) {
    Authentication caller = Authentication.of(request).orElseThrow();
    Optional<Response> stale = requireFreshWhenPasswordless(caller.user());
    if (stale.isPresent()) {
      return stale.get();
    }
    Form form = Form.read(data, FIELDS, List.of());
    Optional<Function<String, String>> links = mailLinks.of(uri);
    if (links.isEmpty()) {
      return mailLinks.refusal();
    }
    Outcome outcome = service.change(caller.user(), form, links.get());
    boolean json = WantJson.test(request);
    if (outcome instanceof Outcome.Rejected rejected) {
      return json
          ? reply.fieldErrors(rejected.fieldErrors())
          : Views.redirectToView(request, views.changePasswordTemplate());
    }
    UserRecord user = ((Outcome.Changed) outcome).user();
    if (caller.mechanism() == Mechanism.SESSION) {
      // The rotated fs_uniquifier ended this session: re-establish it for the same user.
      signIn.complete(
          PrimaryAuthentication.renewal(user, "change", rememberCookies.isPresent(request)),
          request,
          response);
    }
    if (!json) {
      return answers.redirect(
          request,
          Optional.empty(),
          views.postChangeView().orElse(redirectConfig.postLoginView()),
          "PASSWORD_CHANGE",
          Map.of(),
          null);
    }
    return replies.user(user, request);
  }

  /** Users without a password prove themselves by freshness instead (spec §6.6). */
  private Optional<Response> requireFreshWhenPasswordless(UserRecord user) {
    if (user.hasPassword() || access.isFresh(request)) {
      return Optional.empty();
    }
    return Optional.of(
        denials
            .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
            .toResponse());
  }
}
