package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;
import jakarta.json.JsonObject;

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

  /** Whether {@code user} has set this factor up, so that it must be passed to sign in. */
  boolean isSetUpFor(UserRecord user);

  /**
   * Starts the factor's login step for a pending sign-in (e.g. sends a code) and returns the fields
   * of the JSON reply that tell the client what to do next ({@code tf_state}, {@code tf_method},
   * ...; spec §7.2 step 4 and 5).
   */
  JsonObject begin(UserRecord user);

  /** The Faces view where a browser passes this factor. */
  String view();
}
