package dev.portcullis.impl.config;

import dev.portcullis.impl.http.CookieAttributes;
import dev.portcullis.impl.recoverycodes.RecoveryCodeCipher;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.sms.HttpSmsSender;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.impl.sms.SmsConfig;
import dev.portcullis.impl.totp.TotpConfig;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@link MultiFactorKey}s into the two-factor, recovery-code, TOTP and SMS records, with
 * Flask-Security's start-up rules (spec §2.18): two-factor needs at least one method and {@code
 * security.totp_secrets}; an HTTP SMS sender needs its URL and credentials.
 */
final class MultiFactorSettings {

  /** What the multi-factor keys configure. */
  record MultiFactor(
      TwoFactorConfig twoFactor,
      RecoveryCodesConfig recoveryCodes,
      TotpConfig totp,
      SmsConfig sms,
      UnifiedSigninConfig unifiedSignin) {}

  private final Settings settings;
  private final Function<List<ConfigKey>, CookieAttributes> cookies;

  /**
   * @param cookies reads cookie attributes from the SameSite, Secure and HttpOnly keys given in
   *     that order, as for the other cookies
   */
  MultiFactorSettings(Settings settings, Function<List<ConfigKey>, CookieAttributes> cookies) {
    this.settings = settings;
    this.cookies = cookies;
  }

  MultiFactor read() {
    TwoFactorConfig twoFactor = twoFactor();
    UnifiedSigninConfig unifiedSignin = new UnifiedSigninSettings(settings).read();
    TotpConfig totp = totp(twoFactor.enabled() || unifiedSignin.enabled());
    return new MultiFactor(
        twoFactor, recoveryCodes(twoFactor.enabled()), totp, sms(), unifiedSignin);
  }

  private TwoFactorConfig twoFactor() {
    boolean enabled = settings.bool(MultiFactorKey.TWO_FACTOR);
    List<String> methods = methods();
    if (enabled && methods.isEmpty()) {
      throw new ConfigurationException(
          MultiFactorKey.TWO_FACTOR_ENABLED_METHODS, "must list at least one method");
    }
    int sendLimit = settings.integer(MultiFactorKey.TWO_FACTOR_CODE_SEND_LIMIT);
    if (sendLimit < 1) {
      throw new ConfigurationException(
          MultiFactorKey.TWO_FACTOR_CODE_SEND_LIMIT, "must be at least 1, not " + sendLimit);
    }
    return new TwoFactorConfig(
        enabled,
        settings.bool(MultiFactorKey.TWO_FACTOR_REQUIRED),
        methods,
        settings.positiveDuration(MultiFactorKey.TWO_FACTOR_AUTHENTICATOR_VALIDITY),
        settings.positiveDuration(MultiFactorKey.TWO_FACTOR_MAIL_VALIDITY),
        settings.positiveDuration(MultiFactorKey.TWO_FACTOR_SMS_VALIDITY),
        settings.bool(MultiFactorKey.TWO_FACTOR_ALWAYS_VALIDATE),
        settings.positiveDuration(MultiFactorKey.TWO_FACTOR_LOGIN_VALIDITY),
        cookies.apply(
            List.of(
                MultiFactorKey.TWO_FACTOR_VALIDITY_COOKIE_SAMESITE,
                MultiFactorKey.TWO_FACTOR_VALIDITY_COOKIE_SECURE,
                MultiFactorKey.TWO_FACTOR_VALIDITY_COOKIE_HTTPONLY)),
        settings.bool(MultiFactorKey.TWO_FACTOR_RESCUE_EMAIL),
        settings.string(MultiFactorKey.TWO_FACTOR_RESCUE_MAIL).trim(),
        settings.string(MultiFactorKey.TWO_FACTOR_POST_SETUP_VIEW).trim(),
        settings.optionalString(MultiFactorKey.TWO_FACTOR_ERROR_VIEW),
        settings.string(MultiFactorKey.TWO_FACTOR_SETUP_TEMPLATE).trim(),
        settings.string(MultiFactorKey.TWO_FACTOR_VERIFY_CODE_TEMPLATE).trim(),
        settings.string(MultiFactorKey.TWO_FACTOR_SELECT_TEMPLATE).trim(),
        sendLimit,
        settings.positiveDuration(MultiFactorKey.TWO_FACTOR_CODE_SEND_PERIOD),
        enabled && settings.bool(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES),
        settings.string(MultiFactorKey.MULTI_FACTOR_RECOVERY_TEMPLATE).trim());
  }

  /** Known methods only, each once; Flask's legacy {@code mail} reads as {@code email}. */
  private List<String> methods() {
    List<String> methods = new java.util.ArrayList<>();
    for (String name : settings.list(MultiFactorKey.TWO_FACTOR_ENABLED_METHODS)) {
      String method = name.toLowerCase(Locale.ROOT);
      method = method.equals("mail") ? "email" : method;
      if (!TwoFactorConfig.METHODS.contains(method)) {
        throw new ConfigurationException(
            MultiFactorKey.TWO_FACTOR_ENABLED_METHODS,
            "must list email, authenticator or sms, not '" + name + "'");
      }
      if (!methods.contains(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  private TotpConfig totp(boolean required) {
    Map<String, String> secrets = new LinkedHashMap<>();
    Optional<String> raw = settings.optionalString(MultiFactorKey.TOTP_SECRETS);
    if (raw.isPresent()) {
      for (String pair : settings.list(MultiFactorKey.TOTP_SECRETS)) {
        int eq = pair.indexOf('=');
        // Never echo the pair: it holds a secret.
        if (eq < 1 || eq == pair.length() - 1) {
          throw new ConfigurationException(
              MultiFactorKey.TOTP_SECRETS,
              "must be tag=secret pairs separated by commas, e.g. 1=<random text>");
        }
        String tag = pair.substring(0, eq).trim();
        if (!tag.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || secrets.containsKey(tag)) {
          throw new ConfigurationException(
              MultiFactorKey.TOTP_SECRETS,
              "has an invalid or repeated tag '" + tag + "' (letters, digits, _ . -)");
        }
        secrets.put(tag, pair.substring(eq + 1).trim());
      }
    }
    if (required && secrets.isEmpty()) {
      throw new ConfigurationException(
          MultiFactorKey.TOTP_SECRETS,
          "must be set when security.two_factor or security.unified_signin is true: it encrypts the users' TOTP secrets"
              + " (e.g. 1=<output of openssl rand -hex 32>)");
    }
    return new TotpConfig(secrets, settings.string(MultiFactorKey.TOTP_ISSUER).trim());
  }

  private RecoveryCodesConfig recoveryCodes(boolean twoFactor) {
    int count = settings.integer(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_N);
    if (count < 1 || count > 100) {
      throw new ConfigurationException(
          MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_N, "must be 1 to 100, not " + count);
    }
    List<String> keys =
        settings.optionalString(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_KEYS).isEmpty()
            ? List.of()
            : settings.list(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_KEYS);
    Optional<java.time.Duration> ttl =
        settings.duration(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODE_TTL);
    try {
      new RecoveryCodeCipher(keys, ttl, java.time.Clock.systemUTC(), new SecureRandom());
    } catch (IllegalArgumentException e) {
      // Never echo the value: the keys are secrets.
      throw new ConfigurationException(
          MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_KEYS,
          "must be Fernet keys (url-safe base64 of 32 bytes), separated by commas");
    }
    return new RecoveryCodesConfig(
        twoFactor && settings.bool(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES),
        count,
        keys,
        ttl,
        settings.string(MultiFactorKey.MULTI_FACTOR_RECOVERY_CODES_TEMPLATE).trim(),
        settings.string(MultiFactorKey.MULTI_FACTOR_RECOVERY_TEMPLATE).trim());
  }

  private SmsConfig sms() {
    SmsConfig.Service service =
        settings.parse(
            MultiFactorKey.SMS_SERVICE,
            v -> SmsConfig.Service.valueOf(v.toUpperCase(Locale.ROOT)),
            "must be none, http or console");
    Optional<HttpSmsSender.Settings> http = Optional.empty();
    if (service == SmsConfig.Service.HTTP) {
      http = Optional.of(httpSender());
    }
    String region = settings.string(MultiFactorKey.PHONE_REGION_DEFAULT).trim();
    try {
      new PhoneNumbers(region);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          MultiFactorKey.PHONE_REGION_DEFAULT, "must be an ISO 3166 region such as US or DE");
    }
    return new SmsConfig(service, http, region);
  }

  private HttpSmsSender.Settings httpSender() {
    URI url =
        settings.parse(
            MultiFactorKey.SMS_HTTP_URL,
            v -> {
              URI uri = URI.create(v);
              String scheme =
                  uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
              if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException(v);
              }
              return uri;
            },
            "must be the provider's http(s) URL when security.sms_service=http");
    return new HttpSmsSender.Settings(
        url,
        required(MultiFactorKey.SMS_ACCOUNT_SID),
        required(MultiFactorKey.SMS_AUTH_TOKEN),
        required(MultiFactorKey.SMS_PHONE_NUMBER),
        settings.positiveDuration(MultiFactorKey.SMS_HTTP_TIMEOUT));
  }

  private String required(ConfigKey key) {
    return settings
        .optionalString(key)
        .orElseThrow(
            () -> new ConfigurationException(key, "must be set when security.sms_service=http"));
  }
}
