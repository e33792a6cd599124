package dev.portcullis.impl.unifiedsignin;

import java.util.List;

/**
 * The data of unified sign-in: Flask-Security's {@code us_set} and {@code us_reset} on the user's
 * {@code us_totp_secrets} and {@code us_phone_number} columns, plus Portcullis' record of the last
 * accepted code per method (shared with two-factor's, under the name {@code us_<method>}), so that
 * a code is accepted once on every node. The default is {@link JpaUnifiedSigninStore}; an
 * application with its own user store replaces it with an {@code @Alternative @Priority(...)} bean.
 */
public interface UnifiedSigninStore {

  /**
   * Stores a validated method ({@code us_set}): its secret and, for {@code sms}, the phone number;
   * records {@code acceptedStep} as the last step used with it, replacing any older record.
   *
   * @return false when the user does not exist
   */
  boolean setUp(long userId, String method, String secret, String phoneNumber, long acceptedStep);

  /**
   * Removes methods ({@code us_reset}); {@code sms} also clears the phone number. Refuses, changing
   * nothing, when the user would be left without a password and without any method: a user always
   * keeps a way in.
   *
   * @return false when nothing was removed for that reason, or the user does not exist
   */
  boolean remove(long userId, List<String> methods);

  /** The last time step accepted for the user's method, or {@code TotpCheck.NONE_USED}. */
  long lastUsedStep(long userId, String method);

  /**
   * Records {@code step} as used if it is later than every step used before with the method,
   * atomically across nodes; false when it is not (a replay, or a concurrent use of the same code).
   */
  boolean useStep(long userId, String method, long step);
}
