package dev.portcullis.impl.config;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.mail.MailConfig;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordPolicyConfig;
import dev.portcullis.impl.rest.CsrfConfig;
import dev.portcullis.impl.rest.FlowViews;
import dev.portcullis.impl.rest.RedirectConfig;
import dev.portcullis.spi.IdentityAttribute;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every {@link ConfigKey} once and builds the per-feature config records. Plain Java so that
 * unit tests can build it from any {@link Config}; {@link ConfigProducer} exposes it to CDI.
 */
public final class SecurityConfiguration {

  static final int MIN_SECRET_LENGTH = 32;

  private final Settings settings;
  private final String secretKey;
  private final PasswordConfig password;
  private final AuthenticationConfig authentication;
  private final CsrfConfig csrf;
  private final RedirectConfig redirects;
  private final LoginConfig login;
  private final AccountConfig account;
  private final FlowViews flowViews;

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigurationException naming the key that is missing or wrong
   */
  public SecurityConfiguration(Config config) {
    this.settings = new Settings(config);
    this.secretKey = readSecretKey();
    this.password = readPassword();
    this.authentication = readAuthentication();
    this.csrf = readCsrf();
    this.redirects = readRedirects();
    this.account = readAccount();
    this.flowViews = readFlowViews();
    this.login = readLogin();
    this.passwordPolicy = new PasswordPolicySettings(settings).read();
  }

  public AccountConfig account() {
    return account;
  }

  public FlowViews flowViews() {
    return flowViews;
  }

  public String secretKey() {
    return secretKey;
  }

  public PasswordConfig password() {
    return password;
  }

  public AuthenticationConfig authentication() {
    return authentication;
  }

  public CsrfConfig csrf() {
    return csrf;
  }

  public RedirectConfig redirects() {
    return redirects;
  }

  public LoginConfig login() {
    return login;
  }

  /** Salt overrides by purpose name, for the token service. */
  public Map<String, String> salts() {
    return Map.of(
        "AUTH", settings.string(ConfigKey.REMEMBER_SALT),
        "CONFIRM", settings.string(ConfigKey.CONFIRM_SALT),
        "RESET", settings.string(ConfigKey.RESET_SALT),
        "LOGIN", settings.string(ConfigKey.LOGIN_SALT),
        "CHANGE_EMAIL", settings.string(ConfigKey.CHANGE_EMAIL_SALT));
  }

  private String readSecretKey() {
    // Never echo the value: it is the key to every token.
    String value = settings.string(ConfigKey.SECRET_KEY);
    if (value.strip().length() < MIN_SECRET_LENGTH) {
      throw new ConfigurationException(
          ConfigKey.SECRET_KEY,
          "is too short: use at least "
              + MIN_SECRET_LENGTH
              + " random characters, e.g. from `openssl rand -hex 32`");
    }
    return value;
  }

  private PasswordConfig readPassword() {
    List<String> schemes = settings.list(ConfigKey.PASSWORD_SCHEMES);
    Map<String, Integer> options = passlibOptions();
    String form = settings.string(ConfigKey.PASSWORD_NORMALIZE_FORM).trim();
    return new PasswordConfig(
        settings.string(ConfigKey.PASSWORD_HASH).trim(),
        settings.optionalString(ConfigKey.PASSWORD_SALT).orElse(null),
        singleHashSchemes(schemes),
        schemes,
        settings.list(ConfigKey.DEPRECATED_PASSWORD_SCHEMES),
        options.getOrDefault("bcrypt__rounds", PasswordConfig.DEFAULT_BCRYPT_ROUNDS),
        options.getOrDefault("argon2__rounds", PasswordConfig.DEFAULT_ARGON2_TIME_COST),
        options.getOrDefault("argon2__memory_cost", PasswordConfig.DEFAULT_ARGON2_MEMORY_KIB),
        options.getOrDefault("argon2__parallelism", PasswordConfig.DEFAULT_ARGON2_PARALLELISM),
        options.getOrDefault("pbkdf2_sha512__rounds", PasswordConfig.DEFAULT_PBKDF2_ROUNDS),
        options.getOrDefault("sha512_crypt__rounds", PasswordConfig.DEFAULT_SHA512_CRYPT_ROUNDS),
        form.equalsIgnoreCase("none") || form.isEmpty()
            ? null
            : settings.parse(
                ConfigKey.PASSWORD_NORMALIZE_FORM,
                v -> Normalizer.Form.valueOf(v.toUpperCase(Locale.ROOT)),
                "must be NFC, NFD, NFKC, NFKD or none"),
        settings.integer(ConfigKey.PASSWORD_LENGTH_MIN),
        PasswordConfig.DEFAULT_LENGTH_MAX);
  }

  /** Flask's True means "never pre-hash", False means "only plaintext". */
  private Set<String> singleHashSchemes(List<String> schemes) {
    String value = settings.string(ConfigKey.PASSWORD_SINGLE_HASH).trim();
    if (value.equalsIgnoreCase("true")) {
      return new HashSet<>(schemes);
    }
    if (value.equalsIgnoreCase("false") || value.isEmpty()) {
      return Set.of("plaintext");
    }
    Set<String> single = new HashSet<>(settings.list(ConfigKey.PASSWORD_SINGLE_HASH));
    single.add("plaintext");
    return single;
  }

  private Map<String, Integer> passlibOptions() {
    return settings.list(ConfigKey.PASSWORD_HASH_PASSLIB_OPTIONS).stream()
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                kv -> kv[0].trim(),
                kv ->
                    settings.parse(
                        ConfigKey.PASSWORD_HASH_PASSLIB_OPTIONS,
                        v -> Integer.parseInt(kv.length > 1 ? kv[1].trim() : ""),
                        "must be scheme__option=<number> pairs"),
                (a, b) -> b));
  }

  private AuthenticationConfig readAuthentication() {
    return new AuthenticationConfig(
        settings.string(ConfigKey.TOKEN_AUTHENTICATION_KEY),
        settings.string(ConfigKey.TOKEN_AUTHENTICATION_HEADER),
        settings.duration(ConfigKey.TOKEN_MAX_AGE),
        settings.duration(ConfigKey.TOKEN_EXPIRE_WITHIN),
        mechanisms(ConfigKey.API_ENABLED_METHODS),
        settings.string(ConfigKey.DEFAULT_HTTP_AUTH_REALM),
        identityAttributes(),
        settings.string(ConfigKey.REMEMBER_COOKIE_NAME),
        settings.requiredDuration(ConfigKey.REMEMBER_COOKIE_DURATION),
        settings.bool(ConfigKey.REMEMBER_COOKIE_SECURE),
        settings.bool(ConfigKey.DEFAULT_REMEMBER_ME),
        settings.requiredDuration(ConfigKey.FRESHNESS),
        settings.requiredDuration(ConfigKey.FRESHNESS_GRACE_PERIOD),
        settings.integer(ConfigKey.PROXY_X_FOR),
        settings.bool(ConfigKey.TRACKABLE));
  }

  /** Configured attributes; with usernames enabled, {@code username} is appended if absent. */
  private List<IdentityAttribute> identityAttributes() {
    Set<IdentityAttribute> attributes = new LinkedHashSet<>();
    for (String name : settings.list(ConfigKey.USER_IDENTITY_ATTRIBUTES)) {
      attributes.add(
          settings.parse(
              ConfigKey.USER_IDENTITY_ATTRIBUTES,
              v -> IdentityAttribute.ofAttributeName(name),
              "must list email, username or us_phone_number"));
    }
    if (settings.bool(ConfigKey.USERNAME_ENABLE)) {
      attributes.add(IdentityAttribute.USERNAME);
    }
    if (attributes.isEmpty()) {
      throw new ConfigurationException(ConfigKey.USER_IDENTITY_ATTRIBUTES, "must not be empty");
    }
    return new ArrayList<>(attributes);
  }

  private CsrfConfig readCsrf() {
    return new CsrfConfig(
        settings.bool(ConfigKey.CSRF_ENABLED),
        settings.requiredDuration(ConfigKey.CSRF_TIME_LIMIT),
        mechanisms(ConfigKey.CSRF_PROTECT_MECHANISMS),
        settings.bool(ConfigKey.CSRF_IGNORE_UNAUTH_ENDPOINTS),
        settings.optionalString(ConfigKey.CSRF_COOKIE_NAME),
        settings.parse(
            ConfigKey.CSRF_COOKIE_SAMESITE,
            v -> {
              String s =
                  v.substring(0, 1).toUpperCase(Locale.ROOT)
                      + v.substring(1).toLowerCase(Locale.ROOT);
              if (!Set.of("Strict", "Lax", "None").contains(s)) {
                throw new IllegalArgumentException(v);
              }
              return s;
            },
            "must be Strict, Lax or None"),
        settings.bool(ConfigKey.CSRF_COOKIE_SECURE),
        settings.string(ConfigKey.CSRF_HEADER),
        settings.bool(ConfigKey.CSRF_COOKIE_REFRESH_EACH_REQUEST));
  }

  private RedirectConfig readRedirects() {
    return new RedirectConfig(
        settings.string(ConfigKey.LOGIN_USER_TEMPLATE),
        settings.string(ConfigKey.VERIFY_TEMPLATE),
        settings.string(ConfigKey.POST_LOGIN_VIEW),
        settings.string(ConfigKey.POST_LOGOUT_VIEW),
        settings.optionalString(ConfigKey.POST_VERIFY_VIEW),
        settings.optionalString(ConfigKey.UNAUTHORIZED_VIEW),
        settings.bool(ConfigKey.REDIRECT_ALLOW_SUBDOMAINS),
        settings.optionalString(ConfigKey.REDIRECT_BASE_DOMAIN),
        Set.copyOf(settings.list(ConfigKey.REDIRECT_ALLOWED_SUBDOMAINS)));
  }

  private LoginConfig readLogin() {
    List<String> identityNames =
        authentication.identityAttributes().stream().map(IdentityAttribute::attributeName).toList();
    Set<String> logoutMethods =
        settings.list(ConfigKey.LOGOUT_METHODS).stream()
            .map(m -> m.toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return new LoginConfig(
        settings.bool(ConfigKey.USERNAME_ENABLE),
        identityNames.contains("email"),
        settings.bool(ConfigKey.RETURN_GENERIC_RESPONSES),
        settings.bool(ConfigKey.DEFAULT_REMEMBER_ME),
        settings.bool(ConfigKey.BACKWARDS_COMPAT_AUTH_TOKEN),
        logoutMethods,
        identityNames,
        account.confirmationRequired(),
        settings.integer(ConfigKey.MAX_REQUEST_BYTES));
  }

  private AccountConfig readAccount() {
    return new AccountConfig(
        settings.bool(ConfigKey.REGISTERABLE),
        settings.bool(ConfigKey.CONFIRMABLE),
        settings.bool(ConfigKey.RECOVERABLE),
        settings.bool(ConfigKey.CHANGEABLE),
        settings.bool(ConfigKey.CHANGE_EMAIL),
        settings.bool(ConfigKey.SEND_REGISTER_EMAIL),
        settings.bool(ConfigKey.SEND_PASSWORD_CHANGE_EMAIL),
        settings.bool(ConfigKey.SEND_PASSWORD_RESET_EMAIL),
        settings.bool(ConfigKey.SEND_PASSWORD_RESET_NOTICE_EMAIL),
        settings.bool(ConfigKey.LOGIN_WITHOUT_CONFIRMATION),
        settings.bool(ConfigKey.AUTO_LOGIN_AFTER_CONFIRM),
        settings.bool(ConfigKey.AUTO_LOGIN_AFTER_RESET),
        settings.requiredDuration(ConfigKey.CONFIRM_EMAIL_WITHIN),
        settings.requiredDuration(ConfigKey.RESET_PASSWORD_WITHIN),
        settings.requiredDuration(ConfigKey.CHANGE_EMAIL_WITHIN),
        settings.bool(ConfigKey.USERNAME_ENABLE),
        settings.bool(ConfigKey.USERNAME_REQUIRED),
        settings.integer(ConfigKey.USERNAME_MIN_LENGTH),
        settings.integer(ConfigKey.USERNAME_MAX_LENGTH),
        normalizerForm(ConfigKey.USERNAME_NORMALIZE_FORM),
        settings.bool(ConfigKey.PASSWORD_CONFIRM_REQUIRED),
        settings.bool(ConfigKey.EMAIL_CHECK_DELIVERABILITY),
        settings.bool(ConfigKey.RETURN_GENERIC_RESPONSES));
  }

  private FlowViews readFlowViews() {
    String behavior = settings.optionalString(ConfigKey.REDIRECT_BEHAVIOR).orElse("");
    if (!behavior.isEmpty() && !behavior.equalsIgnoreCase("spa")) {
      throw new ConfigurationException(ConfigKey.REDIRECT_BEHAVIOR, "must be spa or none");
    }
    return new FlowViews(
        behavior.equalsIgnoreCase("spa"),
        settings
            .optionalString(ConfigKey.EXTERNAL_BASE_URL)
            .map(u -> u.endsWith("/") ? u : u + "/"),
        settings.string(ConfigKey.URL_PREFIX),
        settings.optionalString(ConfigKey.POST_REGISTER_VIEW),
        settings.optionalString(ConfigKey.POST_CONFIRM_VIEW),
        settings.optionalString(ConfigKey.CONFIRM_ERROR_VIEW),
        settings.optionalString(ConfigKey.POST_RESET_VIEW),
        settings.optionalString(ConfigKey.RESET_VIEW),
        settings.optionalString(ConfigKey.RESET_ERROR_VIEW),
        settings.optionalString(ConfigKey.POST_CHANGE_VIEW),
        settings.optionalString(ConfigKey.POST_CHANGE_EMAIL_VIEW),
        settings.optionalString(ConfigKey.CHANGE_EMAIL_ERROR_VIEW),
        settings.optionalString(ConfigKey.REQUIRES_CONFIRMATION_ERROR_VIEW),
        settings.string(ConfigKey.REGISTER_USER_TEMPLATE),
        settings.string(ConfigKey.SEND_CONFIRMATION_TEMPLATE),
        settings.string(ConfigKey.FORGOT_PASSWORD_TEMPLATE),
        settings.string(ConfigKey.RESET_PASSWORD_TEMPLATE),
        settings.string(ConfigKey.CHANGE_PASSWORD_TEMPLATE),
        settings.string(ConfigKey.CHANGE_EMAIL_TEMPLATE));
  }

  private Normalizer.Form normalizerForm(ConfigKey key) {
    String form = settings.string(key).trim();
    if (form.isEmpty() || form.equalsIgnoreCase("none")) {
      return null;
    }
    return settings.parse(
        key,
        v -> Normalizer.Form.valueOf(v.toUpperCase(Locale.ROOT)),
        "must be NFC, NFD, NFKC, NFKD or none");
  }

  private Set<Mechanism> mechanisms(ConfigKey key) {
    Set<Mechanism> mechanisms = EnumSet.noneOf(Mechanism.class);
    for (String name : settings.list(key)) {
      mechanisms.add(
          settings.parse(
              key,
              v -> Mechanism.valueOf(name.toUpperCase(Locale.ROOT)),
              "must list token, session or basic"));
    }
    return mechanisms;
  }

  private final PasswordPolicyConfig passwordPolicy;
  private volatile MailConfig mail;

  /** The password-policy settings. */
  public PasswordPolicyConfig passwordPolicy() {
    return passwordPolicy;
  }

  /**
   * The mail settings, read on first use (the mail outbox reads them at start-up).
   *
   * @throws ConfigurationException naming the key that is wrong
   */
  public MailConfig mail() {
    MailConfig result = mail;
    if (result == null) {
      result = new MailSettings(settings).read();
      mail = result;
    }
    return result;
  }
}
