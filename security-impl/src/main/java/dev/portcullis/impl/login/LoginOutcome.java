package dev.portcullis.impl.login;

import dev.portcullis.spi.UserRecord;
import java.util.List;
import java.util.Map;

/** The result of checking login credentials. */
public sealed interface LoginOutcome {

  /**
   * The credentials are right and the user may sign in.
   *
   * @param user the user
   * @param remember whether to set the remember-me cookie
   * @param next the validated redirect target, or {@code null}
   */
  record Authenticated(UserRecord user, boolean remember, String next) implements LoginOutcome {}

  /**
   * The form has errors, by field ({@code ""} for form-level), in field order.
   *
   * @param fieldErrors messages per field
   */
  record Rejected(Map<String, List<String>> fieldErrors) implements LoginOutcome {}
}
