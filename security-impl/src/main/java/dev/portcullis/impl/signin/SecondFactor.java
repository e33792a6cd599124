package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;

/**
 * A second factor the sign-in pipeline asks after every primary authentication (Flask-Security's
 * {@code tf_plugin} members: the code plug-in for authenticator/email/SMS, WebAuthn). A feature
 * package registers one by being an {@code @ApplicationScoped} bean of this type; nothing else
 * needs to change.
 */
public interface SecondFactor {

  /**
   * The method's name as Flask-Security's JSON names it ({@code authenticator}, {@code webauthn}).
   */
  String name();

  /**
   * The name of the method {@code user} has set up with this factor, as {@code tf_setup_methods}
   * and {@code /tf-select} name it (the code plug-in answers the user's {@code tf_primary_method});
   * {@link #name()} unless the factor has several methods.
   */
  default String methodFor(UserRecord user) {
    return name();
  }

  /** Whether {@code user} has set this factor up, so that it must be passed to sign in. */
  boolean isSetUpFor(UserRecord user);

  /**
   * Whether a user who has no second factor at all must set this one up while signing in
   * (Flask-Security's {@code TWO_FACTOR_REQUIRED}, which only the code plug-in answers).
   */
  default boolean requiresSetUp(UserRecord user) {
    return false;
  }

  /**
   * Starts the factor's login step for the sign-in pending on {@code request}'s session (spec §7.2
   * step 4 and 5): records the factor's state there, sends a code where the method needs one, and
   * says what the client does next.
   */
  Step begin(UserRecord user, HttpServletRequest request);

  /** How starting a factor's login step went. */
  sealed interface Step {

    /**
     * The step started.
     *
     * @param fields the JSON reply's fields that tell the client what to do ({@code tf_state},
     *     {@code tf_method}, ...)
     * @param view the Faces view where a browser passes the factor
     */
    record Started(JsonObject fields, String view) implements Step {
      public Started {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(view, "view");
      }
    }

    /**
     * The step could not start, e.g. a code could not be sent (Flask answers 500 {@code
     * FAILED_TO_SEND_CODE}) or too many were sent lately (429).
     *
     * @param status the JSON reply's status
     * @param messageKey the message
     * @param args the message's placeholders
     */
    record Failed(int status, String messageKey, Map<String, ?> args) implements Step {
      public Failed {
        args = Map.copyOf(args);
      }

      /** A failure whose message has no placeholders. */
      public Failed(int status, String messageKey) {
        this(status, messageKey, Map.of());
      }
    }
  }
}
