package dev.portcullis.impl.authorization;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.FreshnessAnchor;
import dev.portcullis.impl.authentication.SessionKeys;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;

/**
 * Flask-Security's {@code check_and_update_authn_fresh(within, grace)} (spec §7.8): is the last
 * primary authentication recent enough? Uses the session's {@link FreshnessAnchor} and slides its
 * grace window — but only when the anchor belongs to the user who authenticated this request.
 */
final class Freshness {

  private Freshness() {}

  static boolean isFresh(
      Mechanism mechanism,
      String uid,
      HttpSession session,
      Duration within,
      Duration grace,
      Clock clock) {
    if (mechanism == Mechanism.BASIC || within.isNegative()) {
      return true;
    }
    // A token request reads no session state: its freshness cannot come from a cookie.
    if (mechanism == Mechanism.TOKEN
        || session == null
        || !(session.getAttribute(SessionKeys.FRESHNESS) instanceof FreshnessAnchor anchor)
        || !anchor.belongsTo(uid)) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    FreshnessAnchor slid = anchor.withGraceUntil(now + grace.toSeconds());
    if (anchor.graceUntil() > 0 && now < anchor.graceUntil()) {
      session.setAttribute(SessionKeys.FRESHNESS, slid);
      return true;
    }
    if (within.isZero()) {
      session.setAttribute(SessionKeys.FRESHNESS, slid);
      return false;
    }
    long age = now - anchor.primaryAt();
    if (-within.toSeconds() < age && age < within.toSeconds()) {
      session.setAttribute(SessionKeys.FRESHNESS, slid);
      return true;
    }
    return false;
  }
}
