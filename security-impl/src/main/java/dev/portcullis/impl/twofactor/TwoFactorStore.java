package dev.portcullis.impl.twofactor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The data of two-factor sign-in: Flask-Security's {@code tf_set}/{@code tf_reset} on the user's
 * {@code tf_*} columns, and Portcullis' own record of accepted codes and sent codes, shared by
 * every node. The default is {@link JpaTwoFactorStore}; an application with its own user store
 * replaces it with an {@code @Alternative @Priority(...)} bean.
 */
public interface TwoFactorStore {

  /**
   * Stores a validated second factor ({@code tf_set}) and records {@code acceptedStep} as the last
   * step used with it, replacing any older record: the new secret's code just used cannot be used
   * again.
   *
   * @param secret the TOTP secret as stored ({@code tf_totp_secret}, wallet-encrypted JSON)
   * @param phoneNumber the number codes are texted to, or {@code null}
   * @return false when the user does not exist
   */
  boolean setUp(long userId, String method, String secret, String phoneNumber, long acceptedStep);

  /** Removes the second factor ({@code tf_reset}); false when the user does not exist. */
  boolean disable(long userId);

  /** The last time step accepted for the user and method, or {@code TotpCheck.NONE_USED}. */
  long lastUsedStep(long userId, String method);

  /**
   * Records {@code step} as used if it is later than every step used before, atomically across
   * nodes; false when it is not (a replay, or a concurrent use of the same code).
   */
  boolean useStep(long userId, String method, long step);

  /**
   * Counts a code about to be mailed or texted to the user and to {@code addressHash} (the hashed
   * mail address or phone number, {@code null} for none): at most {@code limit} per {@code period}
   * each, so that neither one user nor one address (a victim's phone typed in by others) can be
   * flooded.
   *
   * @return empty when the code may be sent (and is counted), else when the next one may
   */
  Optional<Instant> countSend(
      long userId, String addressHash, Instant now, Duration period, int limit);

  /**
   * The work of {@link #countSend} for a stand-in (generic responses: a code request for an
   * identity that gets no code), with the same statements, locks and transactions: the stand-in row
   * {@code slot} of a small fixed pool is locked and counted where a user's row is, and {@code
   * counter} (the stand-in's row for the typed identity) is made, locked, checked and counted as an
   * address's. Only {@code counter} decides, so the stand-in is refused after exactly as many
   * requests for the typed identity as a user would be, whatever other identities sharing the slot
   * did.
   *
   * @return empty when the stand-in's code "may be sent" (and is counted), else when the next one
   *     may
   */
  Optional<Instant> countStandInSend(
      int slot, String counter, Instant now, Duration period, int limit);

  /**
   * Deletes the per-address counters whose period started before {@code before} (they would start a
   * new period anyway): the stand-ins' rows for typed identities do not pile up.
   *
   * @return how many were deleted
   */
  int forgetAddressSendsBefore(Instant before);
}
