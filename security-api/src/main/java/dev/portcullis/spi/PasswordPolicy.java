package dev.portcullis.spi;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a new password is acceptable (Flask-Security's {@code PasswordUtil.validate}):
 * length, breach lists, complexity. Applied on registration, reset, change and by the CLI; never at
 * login.
 *
 * <pre>{@code
 * List<String> problems = policy.check(password, new PasswordPolicy.Context(true, Set.of(email)));
 * if (!problems.isEmpty()) fieldErrors.put("password", problems);
 * }</pre>
 */
public interface PasswordPolicy {

  /**
   * Checks an already normalized password.
   *
   * @return user-visible messages, empty when the password is acceptable
   */
  List<String> check(String password, Context context);

  /**
   * What the policy may know besides the password.
   *
   * @param registering whether the password is chosen at registration
   * @param userInputs the user's other values (email, username), which a good password avoids
   */
  record Context(boolean registering, Set<String> userInputs) {

    /** Copies the set. */
    public Context {
      userInputs = userInputs == null ? Set.of() : Set.copyOf(userInputs);
    }
  }
}
