package dev.portcullis.impl.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks a typed code against a key, as passlib's {@code TOTP.match} does for Flask-Security, with
 * the replay protection Flask-Security leaves out: a code is accepted once.
 *
 * <p>The code is accepted when it equals the code of any time step from {@code now - window} to
 * {@code now + window} (Flask's {@code TWO_FACTOR_*_VALIDITY}, {@code US_TOKEN_VALIDITY}) that is
 * later than the last step accepted for the same key. The caller stores the step returned and
 * passes it back next time; refusing every step up to the last one (not just the last) is what
 * keeps an observed older code from being played after a newer one (passlib's {@code last_counter}
 * semantics).
 */
public final class TotpCheck {

  /** No step accepted yet. */
  public static final long NONE_USED = -1;

  private TotpCheck() {}

  /**
   * The time step whose code this is, if the code is in the window and newer than {@code
   * lastUsedStep}; empty otherwise, also for anything but six digits.
   *
   * <p>Every step of the window is computed and compared in constant time, so the answer's timing
   * tells nothing about which step (if any) matched.
   */
  public static OptionalLong match(
      TotpKey key, String typed, Instant now, Duration window, long lastUsedStep) {
    String code = normalize(typed);
    if (code == null) {
      return OptionalLong.empty();
    }
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long first = Math.max(lastUsedStep + 1, OneTimeCodes.stepAt(now.minus(window)));
    long last = OneTimeCodes.stepAt(now.plus(window));
    long matched = NONE_USED;
    for (long step = OneTimeCodes.stepAt(now.minus(window)); step <= last; step++) {
      boolean equal =
          MessageDigest.isEqual(
              given, OneTimeCodes.codeAt(key, step).getBytes(StandardCharsets.US_ASCII));
      if (equal && step >= first && matched == NONE_USED) {
        matched = step;
      }
    }
    return matched == NONE_USED ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /**
   * passlib's {@code normalize_token}: spaces, {@code -} and {@code =} dropped; then exactly six
   * ASCII digits, or {@code null}.
   */
  static String normalize(String typed) {
    if (typed == null || typed.length() > 64) {
      return null;
    }
    String code = typed.replaceAll("[\\s=-]", "");
    return code.length() == OneTimeCodes.DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9')
        ? code
        : null;
  }
}
