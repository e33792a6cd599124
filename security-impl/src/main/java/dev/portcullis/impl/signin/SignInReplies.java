package dev.portcullis.impl.signin;

import dev.portcullis.impl.authentication.QueryString;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one rendering of a {@link SignInResult}: the JSON reply of every endpoint that signs someone
 * in (Flask-Security {@code base_render_json} with the user, and the {@code tf_required} answers of
 * spec §7.2), and where a browser goes next.
 */
@ApplicationScoped
public class SignInReplies {

  private UserJson userJson;
  private Replies replies;
  private SignInConfig config;
  private Flash flash;
  private Messages messages;
  private RedirectConfig views;

  /** For CDI. */
  protected SignInReplies() {}

  @Inject
  SignInReplies(
      UserJson userJson,
      Replies replies,
      SignInConfig config,
      Flash flash,
      Messages messages,
      RedirectConfig views) {
    this.userJson = userJson;
    this.replies = replies;
    this.config = config;
    this.flash = flash;
    this.messages = messages;
    this.views = views;
  }

  /**
   * The JSON reply: {@code {user, csrf_token}} when signed in (with {@code authentication_token}
   * when the query asks {@code include_auth_token} or {@code security.backwards_compat_auth_token}
   * is on); the second-factor answer otherwise (spec §7.2), or the failure of its first step.
   */
  public Response json(SignInResult result, HttpServletRequest request) {
    if (!(result instanceof SignInResult.SecondFactorRequired required)) {
      return user(result.user(), request);
    }
    if (required.step().orElse(null) instanceof SecondFactor.Step.Failed failed) {
      return Envelope.of(
          failed.status(),
          Envelope.errors(List.of(messages.text(failed.messageKey(), failed.args()))));
    }
    JsonObjectBuilder body = Jsons.object();
    secondFactor(required, body);
    return replies.withCsrfToken(body, request);
  }

  /**
   * As {@link #json(SignInResult, HttpServletRequest)}, with {@code post_login_url} (where the
   * client goes next: the validated {@code next} or {@code security.post_login_view}) when signed
   * in.
   */
  public Response json(SignInResult result, HttpServletRequest request, String postLoginUrl) {
    if (result instanceof SignInResult.SecondFactorRequired) {
      return json(result, request);
    }
    return replies.withCsrfToken(
        Jsons.object()
            .add("user", userJson.of(result.user(), includeToken(request)))
            .add("post_login_url", postLoginUrl),
        request);
  }

  /** {@code {user, csrf_token}} for a signed-in or re-authenticated user. */
  public Response user(UserRecord user, HttpServletRequest request) {
    return replies.withCsrfToken(
        Jsons.object().add("user", userJson.of(user, includeToken(request))), request);
  }

  /**
   * Where a browser goes: the validated {@code next} or {@code security.post_login_view} when
   * signed in; else the page of the second factor (or of the choice among several), carrying {@code
   * next} on; the login page with the message when the factor's first step failed.
   */
  public String browserTarget(
      SignInResult result, Optional<String> next, String fallbackView, HttpServletRequest request) {
    if (!(result instanceof SignInResult.SecondFactorRequired required)) {
      return next.orElseGet(() -> Views.url(request, fallbackView));
    }
    SecondFactor.Step step = required.step().orElse(null);
    if (step instanceof SecondFactor.Step.Failed failed) {
      flash.add(
          request,
          messages.category(failed.messageKey()),
          messages.text(failed.messageKey(), failed.args()));
      return Views.url(request, views.signInTemplate());
    }
    String view =
        step instanceof SecondFactor.Step.Started started ? started.view() : config.selectView();
    return Views.url(request, view)
        + next.map(url -> "?next=" + URLEncoder.encode(url, StandardCharsets.UTF_8)).orElse("");
  }

  private static void secondFactor(
      SignInResult.SecondFactorRequired required, JsonObjectBuilder body) {
    body.add("tf_required", true);
    if (required.step().orElse(null) instanceof SecondFactor.Step.Started started) {
      started.fields().forEach(body::add);
      return;
    }
    JsonArrayBuilder names = Jsons.array();
    required.methods().forEach(method -> names.add(method.methodFor(required.user())));
    body.add("tf_select", true).add("tf_setup_methods", names);
  }

  private boolean includeToken(HttpServletRequest request) {
    return config.backwardsCompatAuthToken()
        || QueryString.parameter(request.getQueryString(), "include_auth_token") != null;
  }
}
