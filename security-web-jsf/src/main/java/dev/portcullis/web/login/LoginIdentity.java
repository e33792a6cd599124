package dev.portcullis.web.login;

import dev.portcullis.impl.login.LoginConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The login page's one identity field and Flask's two. The JSON API keeps Flask-Security's {@code
 * email} and {@code username} fields; the page asks once — "Email address", "Username", or "Email
 * or username" when both identify a user — and sends the value as exactly one of them: with both
 * enabled, a value containing {@code @} is an email address, anything else a username. The default
 * {@code UsernamePolicy} allows only letters and digits in usernames, so no username is mistaken
 * for an address. The service's errors about either field are shown under the one field.
 *
 * @param byEmail email identifies users ({@code security.user_identity_attributes})
 * @param byUsername usernames identify users ({@code security.username_enable})
 */
record LoginIdentity(boolean byEmail, boolean byUsername) {

  /** The page's field: its id, its name in the post, and the key of its errors. */
  static final String FIELD = "identity";

  /** The identity field of a login configuration. */
  static LoginIdentity of(LoginConfig config) {
    return new LoginIdentity(
        config.emailIdentity() || !config.usernameEnable(), config.usernameEnable());
  }

  /** Flask's field the value goes to: {@code email} or {@code username}. */
  String formField(String value) {
    if (!byUsername) {
      return "email";
    }
    if (!byEmail) {
      return "username";
    }
    return value != null && value.contains("@") ? "email" : "username";
  }

  /** The key of the field's label in the page bundle. */
  String labelKey() {
    if (byEmail && byUsername) {
      return "page.login_user.identity";
    }
    return byUsername ? "page.login_user.username" : "page.login_user.email";
  }

  /** The input's type: {@code email} when only an address will do. */
  String inputType() {
    return byUsername ? "text" : "email";
  }

  /**
   * The service's field errors with those about {@code email} or {@code username} as the field's.
   */
  static Map<String, List<String>> errors(Map<String, List<String>> fieldErrors) {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    fieldErrors.forEach(
        (field, messages) -> {
          String key = field.equals("email") || field.equals("username") ? FIELD : field;
          shown.computeIfAbsent(key, k -> new ArrayList<>()).addAll(messages);
        });
    return shown;
  }
}
