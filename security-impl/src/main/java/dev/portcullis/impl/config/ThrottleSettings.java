package dev.portcullis.impl.config;

import dev.portcullis.impl.throttle.ThrottleConfig;
import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import dev.portcullis.impl.throttle.ThrottleConfig.MailLimits;

/** Reads the {@link ThrottleKey}s, refusing limits that cannot work. */
final class ThrottleSettings {

  private ThrottleSettings() {}

  static ThrottleConfig read(Settings settings) {
    return new ThrottleConfig(
        settings.bool(ThrottleKey.THROTTLE),
        limits(
            settings,
            ThrottleKey.THROTTLE_ACCOUNT_FREE_FAILURES,
            ThrottleKey.THROTTLE_ACCOUNT_LOCKOUT_FAILURES),
        limits(
            settings,
            ThrottleKey.THROTTLE_ADDRESS_FREE_FAILURES,
            ThrottleKey.THROTTLE_ADDRESS_LOCKOUT_FAILURES),
        settings.positiveDuration(ThrottleKey.THROTTLE_DELAY),
        settings.positiveDuration(ThrottleKey.THROTTLE_LOCKOUT),
        settings.positiveDuration(ThrottleKey.THROTTLE_WINDOW),
        new MailLimits(
            atLeastOne(settings, ThrottleKey.THROTTLE_MAIL_ACCOUNT_LIMIT),
            atLeastOne(settings, ThrottleKey.THROTTLE_MAIL_ADDRESS_LIMIT),
            settings.positiveDuration(ThrottleKey.THROTTLE_MAIL_PERIOD)),
        settings.integer(CoreKey.PROXY_X_FOR));
  }

  private static int atLeastOne(Settings settings, ThrottleKey key) {
    int value = settings.integer(key);
    if (value < 1) {
      throw new ConfigurationException(key, "must be at least 1, not " + value);
    }
    return value;
  }

  private static Limits limits(Settings settings, ThrottleKey free, ThrottleKey lockout) {
    int freeFailures = settings.integer(free);
    int lockoutFailures = settings.integer(lockout);
    if (freeFailures < 1) {
      throw new ConfigurationException(free, "must be at least 1, not " + freeFailures);
    }
    if (lockoutFailures <= freeFailures) {
      throw new ConfigurationException(
          lockout,
          "must be more than "
              + free.property()
              + " ("
              + freeFailures
              + "), not "
              + lockoutFailures);
    }
    return new Limits(freeFailures, lockoutFailures);
  }
}
