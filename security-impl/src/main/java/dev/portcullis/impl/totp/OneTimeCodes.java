package dev.portcullis.impl.totp;

import java.time.Instant;
import org.jboss.aerogear.security.otp.Totp;
import org.jboss.aerogear.security.otp.api.Clock;

/**
 * The codes of RFC 6238 with passlib's parameters (HMAC-SHA-1, 6 digits, 30-second steps): the one
 * class that uses aerogear-otp-java.
 *
 * <p>aerogear computes the code of "now" from a {@link Clock}; a clock stopped at the wanted time
 * step gives the code of any step, which checking a window and refusing replays needs.
 */
public final class OneTimeCodes {

  /** Seconds per time step (RFC 6238 X; passlib's {@code period}). */
  public static final int STEP_SECONDS = 30;

  /** Digits per code (passlib's {@code digits}). */
  public static final int DIGITS = 6;

  private OneTimeCodes() {}

  /** The time step an instant falls in (RFC 6238 T = floor(unix time / X)). */
  public static long stepAt(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one time step, zero-padded to six digits. */
  public static String codeAt(TotpKey key, long step) {
    return new Totp(key.base32(), new StoppedClock(step)).now();
  }

  /** The code for the step an instant falls in: what a mail or an SMS sends. */
  public static String codeAt(TotpKey key, Instant time) {
    return codeAt(key, stepAt(time));
  }

  /** aerogear's clock, stopped at one time step. */
  private static final class StoppedClock extends Clock {
    private final long step;

    StoppedClock(long step) {
      super(STEP_SECONDS);
      this.step = step;
    }

    @Override
    public long getCurrentInterval() {
      return step;
    }
  }
}
