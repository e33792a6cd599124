package dev.portcullis.sample.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request and answer bodies of the JSON API, for the tests. */
public final class Bodies {

  private Bodies() {}

  /** {@code {"email":..,"password":..}}: login and registration. */
  public static JsonObject credentials(String email, String password) {
    return Json.createObjectBuilder().add("email", email).add("password", password).build();
  }

  /** {@code {"password":..}}: re-authentication. */
  public static JsonObject password(String password) {
    return Json.createObjectBuilder().add("password", password).build();
  }

  /** {@code {"email":..}}: confirmation, recovery and change-email requests. */
  public static String email(String email) {
    return Json.createObjectBuilder().add("email", email).build().toString();
  }

  /** The reset form. */
  public static JsonObject newPassword(String password, String confirm) {
    return Json.createObjectBuilder()
        .add("password", password)
        .add("password_confirm", confirm)
        .build();
  }

  /** The change-password form. */
  public static JsonObject change(String current, String fresh) {
    return Json.createObjectBuilder()
        .add("password", current)
        .add("new_password", fresh)
        .add("new_password_confirm", fresh)
        .build();
  }

  /** An url-encoded form. */
  public static String form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (name, value) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return form.toString();
  }

  /** The envelope around {@code response} (JSON text). */
  public static String envelope(int status, String response) {
    return "{\"meta\":{\"code\":" + status + "},\"response\":" + response + "}";
  }
}
