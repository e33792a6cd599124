package dev.portcullis.impl.config;

/** Keys of the password policy: complexity and breached-password checks. See {@link ConfigKey}. */
public enum PolicyKey implements ConfigKey {
  PASSWORD_COMPLEXITY_CHECKER(
      new KeySpec(
          "security.password_complexity_checker",
          "none",
          "SECURITY_PASSWORD_COMPLEXITY_CHECKER",
          "Password strength check for new passwords: zxcvbn or none.")),
  ZXCVBN_MINIMUM_SCORE(
      new KeySpec(
          "security.zxcvbn_minimum_score",
          "3",
          "SECURITY_ZXCVBN_MINIMUM_SCORE",
          "Lowest zxcvbn score (0-4) a new password needs.")),
  PASSWORD_CHECK_BREACHED(
      new KeySpec(
          "security.password_check_breached",
          "false",
          "SECURITY_PASSWORD_CHECK_BREACHED",
          "Refuse new passwords found in breach lists: false, best-effort (accept when the list"
              + " cannot be read) or strict (refuse then).")),
  PASSWORD_BREACHED_COUNT(
      new KeySpec(
          "security.password_breached_count",
          "1",
          "SECURITY_PASSWORD_BREACHED_COUNT",
          "A password seen in breaches at least this often is refused.")),
  PASSWORD_BREACHED_URL(
      new KeySpec(
          "security.password_breached_url",
          "https://api.pwnedpasswords.com/range/",
          "(Portcullis)",
          "k-anonymity range API; the first 5 hex digits of the password's SHA-1 are appended.")),
  PASSWORD_BREACHED_FILE(
      new KeySpec(
          "security.password_breached_file",
          "none",
          "(Portcullis)",
          "Offline breach data used instead of the API: a directory of <PREFIX>.txt range files or"
              + " one file of SHA1:COUNT lines sorted by hash.")),
  PASSWORD_BREACHED_CONNECT_TIMEOUT(
      new KeySpec(
          "security.password_breached_connect_timeout",
          "3 seconds",
          "(Portcullis)",
          "Connect timeout of the range API.")),
  PASSWORD_BREACHED_READ_TIMEOUT(
      new KeySpec(
          "security.password_breached_read_timeout",
          "5 seconds",
          "(Portcullis)",
          "Time allowed for the range API's whole answer."));

  private final KeySpec spec;

  PolicyKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
