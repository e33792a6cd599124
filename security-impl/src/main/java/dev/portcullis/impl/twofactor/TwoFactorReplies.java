package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * The answers the two-factor endpoints share: the illegal-state answer of spec §7.3 ({@code
 * tf_illegal_state}), the rescue options as URLs, and the browser's way of seeing a result (a
 * message flashed on the next page).
 */
@ApplicationScoped
public class TwoFactorReplies {

  private TwoFactorConfig config;
  private TwoFactorRescueService rescue;
  private RedirectConfig views;
  private Flash flash;
  private Messages messages;

  /** For CDI. */
  protected TwoFactorReplies() {}

  @Inject
  TwoFactorReplies(
      TwoFactorConfig config,
      TwoFactorRescueService rescue,
      RedirectConfig views,
      Flash flash,
      Messages messages) {
    this.config = config;
    this.rescue = rescue;
    this.views = views;
    this.flash = flash;
    this.messages = messages;
  }

  /**
   * A request out of turn: the two-factor state and the pending sign-in are dropped; JSON 400 with
   * the form-level {@code TWO_FACTOR_PERMISSION_DENIED}, browsers go to {@code
   * security.two_factor_error_view} with it.
   */
  public Response illegalState(HttpServletRequest request) {
    TwoFactorStates.clear(request);
    return failure(request, "TWO_FACTOR_PERMISSION_DENIED", errorView());
  }

  /**
   * A form-level failure: JSON 400 with {@code messageKey} under {@code field_errors[""]}; browsers
   * go to {@code view} with it flashed.
   */
  public Response failure(HttpServletRequest request, String messageKey, String view) {
    String text = messages.text(messageKey);
    if (WantJson.test(request)) {
      return Envelope.of(400, Envelope.fieldErrors(Map.of("", List.of(text))));
    }
    flash.add(request, messages.category(messageKey), text);
    return Views.redirectToView(request, view);
  }

  /** Field errors: JSON {@code status} with them; browsers go to {@code view} with them flashed. */
  public Response fieldErrors(
      HttpServletRequest request, int status, Map<String, List<String>> errors, String view) {
    if (WantJson.test(request)) {
      return Envelope.of(status, Envelope.fieldErrors(errors));
    }
    errors.values().stream()
        .flatMap(List::stream)
        .forEach(text -> flash.add(request, "error", text));
    return Views.redirectToView(request, view);
  }

  /** Success for browsers: {@code messageKey} flashed, then {@code view}. */
  public Response flashed(HttpServletRequest request, String messageKey, String view) {
    flash.add(request, messages.category(messageKey), messages.text(messageKey));
    return Views.redirectToView(request, view);
  }

  /**
   * {@code recovery_options}: each rescue option of the user with the API URL that takes it ({@code
   * /tf-rescue}, or {@code /mf-recovery} for a recovery code).
   */
  public JsonObject recoveryOptions(UserRecord user, UriInfo uri) {
    String api = uri.getBaseUri().getPath();
    String base = api.endsWith("/") ? api : api + "/";
    JsonObjectBuilder options = Jsons.object();
    for (String option : rescue.options(user)) {
      options.add(option, base + (option.equals("recovery_code") ? "mf-recovery" : "tf-rescue"));
    }
    return options.build();
  }

  /** Where browsers go after a request out of turn. */
  public String errorView() {
    return config.errorView().orElse(views.signInTemplate());
  }
}
