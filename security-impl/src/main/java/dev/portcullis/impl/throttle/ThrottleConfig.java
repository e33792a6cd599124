package dev.portcullis.impl.throttle;

import java.time.Duration;

/**
 * The throttle's settings ({@code security.throttle*}).
 *
 * @param enabled whether failures are counted and refused at all
 * @param account the limits of one account (or one typed identity nobody has)
 * @param address the limits of one client address
 * @param delay the first wait after the free failures, doubled with each further failure
 * @param lockout how long a lockout lasts (and the longest wait)
 * @param window failures are forgotten when the last is older than this
 * @param mail the bounds of mail-sending requests
 * @param proxyXForHops trusted proxies for the client address ({@code security.proxy_x_for}; 0 =
 *     the socket address, {@code X-Forwarded-For} ignored)
 */
public record ThrottleConfig(
    boolean enabled,
    Limits account,
    Limits address,
    Duration delay,
    Duration lockout,
    Duration window,
    MailLimits mail,
    int proxyXForHops) {

  /**
   * How many failures one subject may have.
   *
   * @param freeFailures failures answered without a wait
   * @param lockoutFailures failures that lock the subject out (more than {@code freeFailures})
   */
  public record Limits(int freeFailures, int lockoutFailures) {}

  /**
   * How many mails may be requested ({@code /reset}, {@code /confirm}) per period.
   *
   * @param perAccount per email address asked for, whether an account has it or not
   * @param perAddress per client address
   * @param period the fixed window the counts start over in
   */
  public record MailLimits(int perAccount, int perAddress, Duration period) {}
}
