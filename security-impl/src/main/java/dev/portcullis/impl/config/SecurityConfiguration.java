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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    this.passwordPolicy = readPasswordPolicy();
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
        requiredDuration(ConfigKey.REMEMBER_COOKIE_DURATION),
        settings.bool(ConfigKey.REMEMBER_COOKIE_SECURE),
        settings.bool(ConfigKey.DEFAULT_REMEMBER_ME),
        requiredDuration(ConfigKey.FRESHNESS),
        requiredDuration(ConfigKey.FRESHNESS_GRACE_PERIOD),
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
        requiredDuration(ConfigKey.CSRF_TIME_LIMIT),
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
        requiredDuration(ConfigKey.CONFIRM_EMAIL_WITHIN),
        requiredDuration(ConfigKey.RESET_PASSWORD_WITHIN),
        requiredDuration(ConfigKey.CHANGE_EMAIL_WITHIN),
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

  private Duration requiredDuration(ConfigKey key) {
    return settings
        .duration(key)
        .orElseThrow(() -> new ConfigurationException(key, "must be a duration, not none"));
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

  // --- password policy (spec §2.3, §6.5) ---

  private final PasswordPolicyConfig passwordPolicy;

  public PasswordPolicyConfig passwordPolicy() {
    return passwordPolicy;
  }

  private PasswordPolicyConfig readPasswordPolicy() {
    int count = settings.integer(ConfigKey.PASSWORD_BREACHED_COUNT);
    if (count < 1) {
      throw new ConfigurationException(ConfigKey.PASSWORD_BREACHED_COUNT, "must be at least 1");
    }
    int score = settings.integer(ConfigKey.ZXCVBN_MINIMUM_SCORE);
    if (score < 0 || score > 4) {
      throw new ConfigurationException(ConfigKey.ZXCVBN_MINIMUM_SCORE, "must be 0 to 4");
    }
    return new PasswordPolicyConfig(
        breachCheck(),
        count,
        breachedUrl(),
        breachedFile(),
        positiveDuration(ConfigKey.PASSWORD_BREACHED_CONNECT_TIMEOUT),
        positiveDuration(ConfigKey.PASSWORD_BREACHED_READ_TIMEOUT),
        complexityChecker(),
        score);
  }

  /** Flask: "strict" fails closed, any other truthy value is best-effort. */
  private PasswordPolicyConfig.BreachCheck breachCheck() {
    String value = settings.optionalString(ConfigKey.PASSWORD_CHECK_BREACHED).orElse("false");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "false", "0", "no", "off" -> PasswordPolicyConfig.BreachCheck.OFF;
      case "strict" -> PasswordPolicyConfig.BreachCheck.STRICT;
      default -> PasswordPolicyConfig.BreachCheck.BEST_EFFORT;
    };
  }

  private URI breachedUrl() {
    URI url =
        settings.parse(ConfigKey.PASSWORD_BREACHED_URL, URI::create, "must be an http(s) URL");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigurationException(
          ConfigKey.PASSWORD_BREACHED_URL, "must be an http(s) URL, not '" + url + "'");
    }
    return url;
  }

  private Optional<Path> breachedFile() {
    Optional<Path> path = settings.optionalString(ConfigKey.PASSWORD_BREACHED_FILE).map(Path::of);
    if (path.isPresent() && !Files.isReadable(path.get())) {
      throw new ConfigurationException(
          ConfigKey.PASSWORD_BREACHED_FILE,
          "must name a readable file or directory; '" + path.get() + "' is not");
    }
    return path;
  }

  private Duration positiveDuration(ConfigKey key) {
    Duration duration = requiredDuration(key);
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigurationException(key, "must be positive");
    }
    return duration;
  }

  private PasswordPolicyConfig.ComplexityChecker complexityChecker() {
    Optional<String> value = settings.optionalString(ConfigKey.PASSWORD_COMPLEXITY_CHECKER);
    if (value.isEmpty()) {
      return PasswordPolicyConfig.ComplexityChecker.NONE;
    }
    if (value.get().equalsIgnoreCase("zxcvbn")) {
      return PasswordPolicyConfig.ComplexityChecker.ZXCVBN;
    }
    throw new ConfigurationException(
        ConfigKey.PASSWORD_COMPLEXITY_CHECKER, "must be zxcvbn or none, not '" + value.get() + "'");
  }

  // --- mail (read on first use, memoized; ConfigProducer reads it at start-up) ---

  private volatile MailConfig mail;

  /**
   * The mail settings.
   *
   * @throws ConfigurationException naming the key that is wrong
   */
  public MailConfig mail() {
    MailConfig result = mail;
    if (result == null) {
      result = readMail();
      mail = result;
    }
    return result;
  }

  private MailConfig readMail() {
    boolean tls = settings.bool(ConfigKey.MAIL_USE_TLS);
    boolean ssl = settings.bool(ConfigKey.MAIL_USE_SSL);
    if (tls && ssl) {
      throw new ConfigurationException(
          ConfigKey.MAIL_USE_SSL, "cannot be true together with mail.use_tls: choose one");
    }
    boolean plaintext = settings.bool(ConfigKey.EMAIL_PLAINTEXT);
    boolean html = settings.bool(ConfigKey.EMAIL_HTML);
    if (!plaintext && !html) {
      throw new ConfigurationException(
          ConfigKey.EMAIL_HTML, "or security.email_plaintext must be true: a mail needs a body");
    }
    return new MailConfig(
        settings.parse(
            ConfigKey.MAIL_BACKEND,
            v -> MailConfig.MailBackend.valueOf(v.toUpperCase(Locale.ROOT)),
            "must be smtp or console"),
        settings.string(ConfigKey.MAIL_SERVER).trim(),
        mailPort(),
        tls,
        ssl,
        settings.optionalString(ConfigKey.MAIL_USERNAME),
        settings.raw(ConfigKey.MAIL_PASSWORD).filter(v -> !v.isEmpty() && !v.equals("none")),
        positiveDuration(ConfigKey.MAIL_TIMEOUT),
        settings.optionalString(ConfigKey.MAIL_JNDI_SESSION),
        settings
            .optionalString(ConfigKey.EMAIL_SENDER)
            .orElseGet(() -> settings.string(ConfigKey.MAIL_DEFAULT_SENDER).trim()),
        plaintext,
        html,
        mailSubjects(),
        positiveDuration(ConfigKey.MAIL_RETRY_INTERVAL),
        positiveInteger(ConfigKey.MAIL_MAX_ATTEMPTS));
  }

  private int mailPort() {
    int port = settings.integer(ConfigKey.MAIL_PORT);
    if (port < 1 || port > 65535) {
      throw new ConfigurationException(ConfigKey.MAIL_PORT, "must be 1 to 65535, not " + port);
    }
    return port;
  }

  /** Subject overrides by message key; the key's name is the message key. */
  private Map<String, String> mailSubjects() {
    Map<String, String> subjects = new java.util.HashMap<>();
    for (ConfigKey key :
        List.of(
            ConfigKey.EMAIL_SUBJECT_REGISTER,
            ConfigKey.EMAIL_SUBJECT_CONFIRM,
            ConfigKey.EMAIL_SUBJECT_PASSWORD_RESET,
            ConfigKey.EMAIL_SUBJECT_PASSWORD_NOTICE,
            ConfigKey.EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE,
            ConfigKey.EMAIL_SUBJECT_CHANGE_EMAIL,
            ConfigKey.EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE)) {
      Optional<String> subject = settings.optionalString(key);
      subject.ifPresent(s -> subjects.put(key.name(), s));
    }
    return subjects;
  }

  private int positiveInteger(ConfigKey key) {
    int value = settings.integer(key);
    if (value < 1) {
      throw new ConfigurationException(key, "must be at least 1, not " + value);
    }
    return value;
  }
}
