package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.csrf.UnauthCsrf;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInReplies;
import dev.portcullis.impl.signin.SignInResult;
import dev.portcullis.impl.twofactor.TwoFactorCompletion;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorStates;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.RequestScoped;
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
import java.util.Optional;

/**
 * {@code GET/POST /wan-signin} and {@code POST /wan-signin/<state>} (Flask-Security {@code
 * wan_signin}, {@code wan_signin_response}, spec §1.2 #26, #27, §7.6): sign in with a key, as the
 * first factor (a passkey, with or without an identity hint) or as the second factor of the sign-in
 * pending on the session. Success goes through the sign-in pipeline: a first-factor key that
 * verified the user skips the second factor when {@code security.wan_allow_as_multi_factor} is on,
 * any other first-factor key is followed by the user's second factor.
 */
@Path("wan-signin")
@RequestScoped
@Feature.Gated(Feature.WEBAUTHN)
public class WanSigninResource {

  static final String METHOD = "webauthn";

  @Inject WanAssertions assertions;
  @Inject WanReplies answers;
  @Inject WebAuthnConfig config;
  @Inject SignIn signIn;
  @Inject SignInReplies replies;
  @Inject TwoFactorCompletion completion;
  @Inject Replies reply;
  @Inject Messages messages;
  @Inject Redirects redirects;
  @Inject RedirectConfig views;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context UriInfo uri;

  /** Whether this is a second factor; browsers go to the page. */
  @GET
  public Response get() {
    Optional<PendingSignIn> pending = secondary();
    Optional<Response> refused = refusedFirstFactor(pending);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.signinTemplate());
    }
    return reply.withCsrfToken(Jsons.object().add("is_secondary", pending.isPresent()), request);
  }

  /** Request options ({@code identity} hint optional, {@code remember}). */
  @POST
  @UnauthCsrf
  public Response post(FormData data) {
    Optional<PendingSignIn> pending = secondary();
    Optional<Response> refused = refusedFirstFactor(pending);
    if (refused.isPresent()) {
      return refused.get();
    }
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    boolean remember =
        pending.map(PendingSignIn::remember).orElseGet(() -> checkbox(data, "remember"));
    WanResult result =
        assertions.startSignin(
            pending.map(PendingSignIn::user),
            data.string("identity").asOptional(),
            remember,
            rp.get());
    return answers.started(
        result,
        Jsons.object().add("remember", remember).add("is_secondary", pending.isPresent()),
        request,
        config.signinTemplate());
  }

  /** The browser's {@code credential} for {@code state}: checked, then signed in. */
  @POST
  @Path("{state}")
  @UnauthCsrf
  public Response finish(@PathParam("state") String state, FormData data) {
    Optional<PendingSignIn> pending = secondary();
    Optional<Response> refused = refusedFirstFactor(pending);
    if (refused.isPresent()) {
      return refused.get();
    }
    var rp = answers.relyingParty(uri);
    if (rp.isEmpty()) {
      return answers.untrustedHost();
    }
    WanAssertions.Checked checked =
        assertions.finish(
            state,
            pending.isPresent() ? WanState.Ceremony.SECONDARY : WanState.Ceremony.SIGNIN,
            pending.map(PendingSignIn::user),
            data.string("credential").asOptional(),
            rp.get());
    if (checked instanceof WanAssertions.Checked.Refused no) {
      return answers.refused(
          request, "credential", no.messageKey(), no.args(), config.signinTemplate());
    }
    WanAssertions.Checked.Passed passed = (WanAssertions.Checked.Passed) checked;
    SignInResult result =
        pending.isPresent()
            ? completion.complete(pending.get(), true, request, response)
            : signIn.complete(primary(passed, data), request, response);
    Optional<String> next = next(data);
    if (WantJson.test(request)) {
      return replies.json(
          result, request, next.orElseGet(() -> Views.url(request, views.postLoginView())));
    }
    return Views.redirectTo(replies.browserTarget(result, next, views.postLoginView(), request));
  }

  /**
   * {@code next} from the body when it has one, else from the query; same host only ({@link
   * Redirects}): a refused {@code next} leaves the post-login view.
   */
  private Optional<String> next(FormData data) {
    String sent =
        data.string("next")
            .asOptional()
            .filter(n -> !n.isBlank())
            .orElseGet(() -> uri.getQueryParameters().getFirst("next"));
    return redirects.validate(sent, uri.getBaseUri().getHost());
  }

  /**
   * A first-factor key that verified the user is a second factor too (Flask's "multi-factor
   * capable") when {@code security.wan_allow_as_multi_factor} allows; otherwise the pipeline asks
   * the user's second factor.
   */
  private PrimaryAuthentication primary(WanAssertions.Checked.Passed passed, FormData data) {
    boolean remember = data.bool("remember").asOptional().orElse(passed.remember());
    boolean secondFactorApplies = !(passed.userVerified() && config.allowAsMultiFactor());
    return new PrimaryAuthentication(passed.owner(), METHOD, remember, secondFactorApplies);
  }

  /**
   * The sign-in pending on this session whose second factor is due (Flask's {@code is_secondary}:
   * {@code tf_user_id} with {@code tf_state} ready).
   */
  private Optional<PendingSignIn> secondary() {
    return signIn
        .pending(request)
        .filter(
            p ->
                TwoFactorStates.of(request, p.user())
                    .filter(s -> s.phase() == TwoFactorState.Phase.READY)
                    .isPresent());
  }

  /**
   * Without a pending second factor: 404 unless keys may be a first factor; 400 {@code
   * ANONYMOUS_USER_REQUIRED} for a caller who is signed in.
   */
  private Optional<Response> refusedFirstFactor(Optional<PendingSignIn> pending) {
    if (pending.isPresent()) {
      return Optional.empty();
    }
    if (!config.allowAsFirstFactor()) {
      return Optional.of(Envelope.of(404, Envelope.errors(List.of(messages.text("NOT_FOUND")))));
    }
    if (Authentication.of(request).isPresent()) {
      return Optional.of(
          WantJson.test(request)
              ? reply.error(400, "ANONYMOUS_USER_REQUIRED")
              : Views.redirectToView(request, views.postLoginView()));
    }
    return Optional.empty();
  }

  private static boolean checkbox(FormData data, String name) {
    return data.bool(name).asOptional().orElse(false);
  }
}
