package dev.portcullis.impl.login;

import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.rest.FormData.FieldValue;
import dev.portcullis.impl.rest.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the login form (Flask-Security {@code LoginForm}): {@code email}, {@code username}
 * (when enabled), {@code password}, {@code remember}, {@code next}. Empty strings count as absent.
 */
public final class LoginForm {

  private static final int MAX_TEXT = 4096;

  private final Map<String, FieldValue<?>> values = new LinkedHashMap<>();

  private LoginForm() {}

  /** Reads the form from request data. */
  public static LoginForm from(FormData data, boolean usernameEnable) {
    LoginForm form = new LoginForm();
    form.values.put("email", data.string("email"));
    if (usernameEnable) {
      form.values.put("username", data.string("username"));
    }
    form.values.put("password", data.string("password"));
    form.values.put("remember", data.bool("remember"));
    form.values.put("next", data.string("next"));
    return form;
  }

  /** Errors for values of the wrong type or absurd length, before any other check. */
  FieldErrors typeErrors(Messages messages) {
    FieldErrors errors = new FieldErrors();
    values.forEach(
        (field, value) -> {
          if (value instanceof FieldValue.WrongType<?> wrong) {
            errors.add(field, messages.text(wrong.messageKey()));
          } else if (value.asOptional().orElse(null) instanceof String text
              && text.length() > MAX_TEXT) {
            errors.add(field, messages.text("FIELD_TOO_LONG"));
          }
        });
    return errors;
  }

  Optional<String> email() {
    return text("email");
  }

  Optional<String> username() {
    return text("username");
  }

  Optional<String> password() {
    return text("password");
  }

  Optional<String> next() {
    return text("next");
  }

  Optional<Boolean> remember() {
    return values.get("remember").asOptional().map(Boolean.class::cast);
  }

  private Optional<String> text(String field) {
    FieldValue<?> value = values.get(field);
    return value == null
        ? Optional.empty()
        : value.asOptional().map(String.class::cast).filter(s -> !s.isEmpty());
  }
}
