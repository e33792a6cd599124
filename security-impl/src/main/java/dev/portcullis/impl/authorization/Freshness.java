package dev.portcullis.impl.authorization;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.SessionKeys;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;

/**
 * Flask-Security's {@code check_and_update_authn_fresh(within, grace)} (spec §7.8): is the last
 * primary authentication recent enough? Uses the session's {@code fs_paa} and slides the grace
 * window {@code fs_gexp}.
 */
final class Freshness {

  private Freshness() {}

  static boolean isFresh(
      Mechanism mechanism, HttpSession session, Duration within, Duration grace, Clock clock) {
    if (mechanism == Mechanism.BASIC || within.isNegative()) {
      return true;
    }
    if (session == null
        || !(session.getAttribute(SessionKeys.PRIMARY_AUTHN_AT) instanceof Long paa)) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    if (session.getAttribute(SessionKeys.GRACE_EXPIRES_AT) instanceof Long graceUntil
        && now < graceUntil) {
      session.setAttribute(SessionKeys.GRACE_EXPIRES_AT, now + grace.toSeconds());
      return true;
    }
    if (within.isZero()) {
      session.setAttribute(SessionKeys.GRACE_EXPIRES_AT, now + grace.toSeconds());
      return false;
    }
    long age = now - paa;
    if (-within.toSeconds() < age && age < within.toSeconds()) {
      session.setAttribute(SessionKeys.GRACE_EXPIRES_AT, now + grace.toSeconds());
      return true;
    }
    return false;
  }
}
