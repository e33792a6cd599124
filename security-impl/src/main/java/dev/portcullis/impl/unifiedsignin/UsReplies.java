package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The answers the unified sign-in endpoints share: the method lists of the GET answers, field
 * errors in the envelope (or flashed for a browser, which then goes to a page), and flashed
 * successes.
 */
@ApplicationScoped
public class UsReplies {

  @Inject UnifiedSigninConfig config;
  @Inject LoginConfig login;
  @Inject Flash flash;
  @Inject Messages messages;

  /** {@code available_methods}, {@code code_methods}, {@code identity_attributes}. */
  public JsonObjectBuilder signinInfo() {
    JsonArrayBuilder attributes = Jsons.array();
    login.identityAttributeNames().forEach(attributes::add);
    return Jsons.object()
        .add("available_methods", array(config.enabledMethods()))
        .add("code_methods", array(config.codeMethods()))
        .add("identity_attributes", attributes);
  }

  /** A JSON array of the texts. */
  public static JsonArrayBuilder array(List<String> texts) {
    JsonArrayBuilder array = Jsons.array();
    texts.forEach(array::add);
    return array;
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

  /** Browsers: {@code messageKey} flashed, then {@code view}. */
  public Response flashed(HttpServletRequest request, String messageKey, String view) {
    flash(request, messageKey);
    return Views.redirectToView(request, view);
  }

  /** Flashes {@code messageKey} for the browser's next page. */
  public void flash(HttpServletRequest request, String messageKey) {
    flash.add(request, messages.category(messageKey), messages.text(messageKey));
  }
}
