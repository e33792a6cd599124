package dev.portcullis.impl.registration;

import dev.portcullis.spi.UserRecord;
import java.util.List;
import java.util.Map;

/** The result of a registration request. */
public sealed interface RegistrationOutcome {

  /**
   * A user was created.
   *
   * @param user the new user
   * @param login whether to sign the user in now (not confirmable, or login without confirmation)
   */
  record Registered(UserRecord user, boolean login) implements RegistrationOutcome {}

  /**
   * With generic responses, the email or username was taken: answer as if registered, sign nobody
   * in. The owner was mailed instead.
   */
  record LooksRegistered() implements RegistrationOutcome {}

  /**
   * The form has errors.
   *
   * @param fieldErrors messages per field
   */
  record Rejected(Map<String, List<String>> fieldErrors) implements RegistrationOutcome {}
}
