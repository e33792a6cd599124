package dev.portcullis.impl.throttle;

import java.time.Duration;

/** Whether a secret may be checked now. */
public sealed interface ThrottleVerdict {

  /** Check it. */
  record Allowed() implements ThrottleVerdict {}

  /**
   * Do not check it: answer 429.
   *
   * @param retryAfter how long until an attempt may be checked again (at least one second)
   * @param lockedOut whether this is a lockout rather than the wait between attempts
   */
  record Refused(Duration retryAfter, boolean lockedOut) implements ThrottleVerdict {}

  /** The verdict that lets the check happen. */
  ThrottleVerdict ALLOWED = new Allowed();
}
