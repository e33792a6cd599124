package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a user skip the second factor on this request (Flask-Security's {@code tf_validity}
 * remember-this-device cookie, spec §5.7 and §7.2 step 2). A feature registers one by being an
 * {@code @ApplicationScoped} bean of this type.
 */
public interface SecondFactorWaiver {

  /** Whether {@code request} proves {@code user} passed a second factor on this device lately. */
  boolean waives(UserRecord user, HttpServletRequest request);
}
