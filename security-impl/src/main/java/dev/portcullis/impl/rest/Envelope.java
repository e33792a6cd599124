package dev.portcullis.impl.rest;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The one place that renders Flask-Security's JSON envelope {@code
 * {"meta":{"code":N},"response":{...}}} (Flask-Security {@code utils.base_render_json} and {@code
 * json_error_response}). Nothing else builds it by hand.
 */
public final class Envelope {

  private Envelope() {}

  /** A 200 envelope around {@code response}. */
  public static Response ok(JsonObject response) {
    return of(200, response);
  }

  /** An envelope with any status around {@code response}. */
  public static Response of(int status, JsonObject response) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(status, response).toString())
        .build();
  }

  /** The envelope object itself, for callers that write the body directly (servlet level). */
  public static JsonObject body(int status, JsonObject response) {
    return Jsons.object()
        .add("meta", Jsons.object().add("code", status))
        .add("response", response)
        .build();
  }

  /**
   * A non-form error: {@code {"errors":[...]}} only, as Flask-Security's decorators answer 401, 403
   * and "anonymous user required".
   */
  public static JsonObject errors(List<String> errors) {
    return Jsons.object().add("errors", array(errors)).build();
  }

  /**
   * A form error: {@code field_errors} maps field name to messages ({@code ""} for form-level
   * errors) and {@code errors} is the flattened list in field order.
   */
  public static JsonObject fieldErrors(Map<String, List<String>> fieldErrors) {
    JsonObjectBuilder fields = Jsons.object();
    JsonArrayBuilder flat = Jsons.array();
    fieldErrors.forEach(
        (field, messages) -> {
          fields.add(field, array(messages));
          messages.forEach(flat::add);
        });
    return Jsons.object().add("errors", flat).add("field_errors", fields).build();
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = Jsons.array();
    values.forEach(array::add);
    return array;
  }
}
