package dev.portcullis.impl.config;

/**
 * Keys of the throttle: failed secret checks counted per account and per client address, a growing
 * wait, then a lockout (Portcullis' own; Flask-Security leaves this to Flask-Limiter). See {@link
 * ConfigKey}.
 */
public enum ThrottleKey implements ConfigKey {
  THROTTLE(
      new KeySpec(
          "security.throttle",
          "true",
          "(Portcullis)",
          "Count failed password, code and token checks per account and per client address, in the"
              + " database (all nodes count together): a growing wait, then a lockout; refused"
              + " attempts answer 429 with Retry-After.")),
  THROTTLE_ACCOUNT_FREE_FAILURES(
      new KeySpec(
          "security.throttle_account_free_failures",
          "5",
          "(Portcullis)",
          "Failures of one account (or typed identity) answered at once; after them each attempt"
              + " waits security.throttle_delay, doubled per further failure.")),
  THROTTLE_ACCOUNT_LOCKOUT_FAILURES(
      new KeySpec(
          "security.throttle_account_lockout_failures",
          "10",
          "(Portcullis)",
          "Failures of one account that lock it for security.throttle_lockout (UserLockedOut).")),
  THROTTLE_ADDRESS_FREE_FAILURES(
      new KeySpec(
          "security.throttle_address_free_failures",
          "20",
          "(Portcullis)",
          "Failures from one client address answered at once (security.proxy_x_for decides the"
              + " address).")),
  THROTTLE_ADDRESS_LOCKOUT_FAILURES(
      new KeySpec(
          "security.throttle_address_lockout_failures",
          "100",
          "(Portcullis)",
          "Failures from one client address that lock it out for security.throttle_lockout.")),
  THROTTLE_DELAY(
      new KeySpec(
          "security.throttle_delay",
          "1 seconds",
          "(Portcullis)",
          "The wait after the free failures; it doubles with each further failure, up to"
              + " security.throttle_lockout.")),
  THROTTLE_LOCKOUT(
      new KeySpec(
          "security.throttle_lockout", "15 minutes", "(Portcullis)", "How long a lockout lasts.")),
  THROTTLE_WINDOW(
      new KeySpec(
          "security.throttle_window",
          "15 minutes",
          "(Portcullis)",
          "Failures are forgotten when the last one is older than this (and a lockout has"
              + " ended).")),
  THROTTLE_MAIL_ACCOUNT_LIMIT(
      new KeySpec(
          "security.throttle_mail_account_limit",
          "5",
          "(Portcullis)",
          "Reset, confirmation, registration and change-email mails requested for one email"
              + " address, and change-email mails requested by one signed-in account, per"
              + " security.throttle_mail_period (counted alike whether an account has the"
              + " address); more answer 429.")),
  THROTTLE_MAIL_ADDRESS_LIMIT(
      new KeySpec(
          "security.throttle_mail_address_limit",
          "20",
          "(Portcullis)",
          "Reset, confirmation, registration and change-email mails requested from one client"
              + " address per security.throttle_mail_period.")),
  THROTTLE_MAIL_PERIOD(
      new KeySpec(
          "security.throttle_mail_period",
          "1 hours",
          "(Portcullis)",
          "The period of the mail limits."));

  private final KeySpec spec;

  ThrottleKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
