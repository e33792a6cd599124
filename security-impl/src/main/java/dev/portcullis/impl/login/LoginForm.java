package dev.portcullis.impl.login;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import java.util.List;
import java.util.Optional;

/**
 * The fields of the login form (Flask-Security {@code LoginForm}): {@code email}, {@code username}
 * (when enabled), {@code password}, {@code remember}, {@code next}.
 */
public final class LoginForm {

  private final Form form;

  private LoginForm(Form form) {
    this.form = form;
  }

  /** Reads the form from request data. */
  public static LoginForm from(FormData data, boolean usernameEnable) {
    List<String> text =
        usernameEnable
            ? List.of("email", "username", "password", "next")
            : List.of("email", "password", "next");
    return new LoginForm(Form.read(data, text, List.of("remember")));
  }

  FieldErrors typeErrors(Messages messages) {
    return form.typeErrors(messages);
  }

  Optional<String> email() {
    return form.text("email");
  }

  Optional<String> username() {
    return form.text("username");
  }

  Optional<String> password() {
    return form.text("password");
  }

  Optional<String> next() {
    return form.text("next");
  }

  Optional<Boolean> remember() {
    return form.checkbox("remember");
  }
}
