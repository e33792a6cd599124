package dev.portcullis.impl.config;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.IdentityCacheConfig;
import dev.portcullis.impl.csrf.CsrfConfig;
import dev.portcullis.impl.http.CookieAttributes;
import dev.portcullis.impl.http.CookieConfig;
import dev.portcullis.impl.http.FaultConfig;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.jwt.JwtConfig;
import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.links.TrustedHosts;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.mail.MailConfig;
import dev.portcullis.impl.oauth.OAuthConfig;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordPolicyConfig;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.sms.SmsConfig;
import dev.portcullis.impl.throttle.ThrottleConfig;
import dev.portcullis.impl.totp.TotpConfig;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.PageConfig;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import dev.portcullis.spi.IdentityAttribute;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every {@link ConfigKey} once and builds the per-feature config records. Plain Java so that
 * unit tests can build it from any {@link Config}; {@link ConfigProducer} exposes it to CDI.
 */
public final class SecurityConfiguration {

  static final int MIN_SECRET_LENGTH = 32;

  /** MicroProfile OpenAPI's key naming the model reader (Portcullis' by default). */
  public static final String MODEL_READER_PROPERTY = "mp.openapi.model.reader";

  private final Settings settings;
  private final String secretKey;
  private final PasswordConfig password;
  private final AuthenticationConfig authentication;
  private final IdentityCacheConfig identityCache;
  private final CsrfConfig csrf;
  private final RedirectConfig redirects;
  private final LoginConfig login;
  private final AccountConfig account;
  private final FlowViews flowViews;
  private final LinkConfig links;
  private final CookieConfig cookies;
  private final LocaleConfig locales;
  private final MultiFactorSettings.MultiFactor multiFactor;
  private final boolean openApi;
  private final Optional<String> openApiModelReader;
  private final DatastoreNames datastore;
  private final ThrottleConfig throttle;
  private final PageConfig pages;
  private final OAuthConfig oauth;
  private final JwtConfig jwt;
  private final WebAuthnConfig webAuthn;
  private final FaultConfig faults;

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigurationException naming the key that is missing or wrong
   */
  public SecurityConfiguration(Config config) {
    this.settings = new Settings(config);
    this.secretKey = readSecretKey();
    this.password = readPassword();
    this.account = readAccount();
    this.authentication = readAuthentication();
    this.identityCache = IdentityCacheSettings.read(settings);
    this.csrf = readCsrf();
    this.redirects = readRedirects();
    this.flowViews = readFlowViews();
    this.links = readLinks();
    this.cookies = readCookies();
    this.locales = readLocales();
    this.pages = new PageConfig(settings.optionalString(AccountKey.APP_NAME));
    this.login = readLogin();
    this.passwordPolicy = new PasswordPolicySettings(settings).read();
    this.multiFactor =
        new MultiFactorSettings(settings, keys -> cookie(keys.get(0), keys.get(1), keys.get(2)))
            .read();
    this.datastore = DatastoreSettings.read(settings);
    this.throttle = ThrottleSettings.read(settings);
    this.oauth = new OAuthSettings(settings).read();
    this.jwt = JwtSettings.read(settings);
    this.webAuthn = new WebAuthnSettings(settings).read(links);
    this.openApi = settings.bool(CoreKey.OPENAPI);
    this.faults = readFaults();
    this.openApiModelReader = settings.foreign(MODEL_READER_PROPERTY);
  }

  /** What an outage answers and when readiness turns DOWN. */
  public FaultConfig faults() {
    return faults;
  }

  private FaultConfig readFaults() {
    int backlog = settings.integer(CoreKey.HEALTH_OUTBOX_BACKLOG);
    if (backlog < 0) {
      throw new ConfigurationException(
          CoreKey.HEALTH_OUTBOX_BACKLOG, "must be 0 or more, not " + backlog);
    }
    return new FaultConfig(
        settings.positiveDuration(CoreKey.SERVICE_UNAVAILABLE_RETRY_AFTER), backlog);
  }

  /** MicroProfile JWT access-token settings. */
  public JwtConfig jwt() {
    return jwt;
  }

  /** WebAuthn settings. */
  public WebAuthnConfig webAuthn() {
    return webAuthn;
  }

  /** OAuth / OpenID Connect sign-in settings. */
  public OAuthConfig oauth() {
    return oauth;
  }

  /** Two-factor settings. */
  public TwoFactorConfig twoFactor() {
    return multiFactor.twoFactor();
  }

  /** Unified sign-in settings. */
  public UnifiedSigninConfig unifiedSignin() {
    return multiFactor.unifiedSignin();
  }

  /** Recovery-code settings. */
  public RecoveryCodesConfig recoveryCodes() {
    return multiFactor.recoveryCodes();
  }

  /** The TOTP wallet and issuer. */
  public TotpConfig totp() {
    return multiFactor.totp();
  }

  /** The SMS sender and phone-number settings. */
  public SmsConfig sms() {
    return multiFactor.sms();
  }

  /** The throttle of failed secret checks. */
  public ThrottleConfig throttle() {
    return throttle;
  }

  /** Where users and roles live: Portcullis' own tables or Flask-Security's, and their names. */
  public DatastoreNames datastore() {
    return datastore;
  }

  /**
   * Reads the configuration of the application whose class loader is given, for code the server
   * runs outside CDI (the MicroProfile OpenAPI model reader).
   *
   * @throws ConfigurationException naming the key that is missing or wrong
   */
  public static SecurityConfiguration of(ClassLoader application) {
    return new SecurityConfiguration(ConfigProvider.getConfig(application));
  }

  /** {@code security.openapi}: whether the JSON API goes into the server's OpenAPI document. */
  public boolean openApi() {
    return openApi;
  }

  /** The configured {@value #MODEL_READER_PROPERTY}, if any source sets it. */
  public Optional<String> openApiModelReader() {
    return openApiModelReader;
  }

  public AccountConfig account() {
    return account;
  }

  public FlowViews flowViews() {
    return flowViews;
  }

  /** Settings of the HTML pages. */
  public PageConfig pages() {
    return pages;
  }

  public LinkConfig links() {
    return links;
  }

  public LocaleConfig locales() {
    return locales;
  }

  public CookieConfig cookies() {
    return cookies;
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

  public IdentityCacheConfig identityCache() {
    return identityCache;
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
        "AUTH", settings.string(CoreKey.REMEMBER_SALT),
        "CONFIRM", settings.string(CoreKey.CONFIRM_SALT),
        "RESET", settings.string(CoreKey.RESET_SALT),
        "LOGIN", settings.string(CoreKey.LOGIN_SALT),
        "CHANGE_EMAIL", settings.string(AccountKey.CHANGE_EMAIL_SALT),
        "TWO_FACTOR_VALIDITY", settings.string(MultiFactorKey.TWO_FACTOR_VALIDITY_SALT));
  }

  private String readSecretKey() {
    // Never echo the value: it is the key to every token.
    String value = settings.string(CoreKey.SECRET_KEY);
    if (value.strip().length() < MIN_SECRET_LENGTH) {
      throw new ConfigurationException(
          CoreKey.SECRET_KEY,
          "is too short: use at least "
              + MIN_SECRET_LENGTH
              + " random characters, e.g. from `openssl rand -hex 32`");
    }
    return value;
  }

  private PasswordConfig readPassword() {
    List<String> schemes = settings.list(CoreKey.PASSWORD_SCHEMES);
    Map<String, Integer> options = passlibOptions();
    String form = settings.string(CoreKey.PASSWORD_NORMALIZE_FORM).trim();
    return new PasswordConfig(
        settings.string(CoreKey.PASSWORD_HASH).trim(),
        settings.optionalString(CoreKey.PASSWORD_SALT).orElse(null),
        singleHashSchemes(schemes),
        schemes,
        settings.list(CoreKey.DEPRECATED_PASSWORD_SCHEMES),
        options.getOrDefault("bcrypt__rounds", PasswordConfig.DEFAULT_BCRYPT_ROUNDS),
        options.getOrDefault("argon2__rounds", PasswordConfig.DEFAULT_ARGON2_TIME_COST),
        options.getOrDefault("argon2__memory_cost", PasswordConfig.DEFAULT_ARGON2_MEMORY_KIB),
        options.getOrDefault("argon2__parallelism", PasswordConfig.DEFAULT_ARGON2_PARALLELISM),
        options.getOrDefault("pbkdf2_sha512__rounds", PasswordConfig.DEFAULT_PBKDF2_ROUNDS),
        options.getOrDefault("sha512_crypt__rounds", PasswordConfig.DEFAULT_SHA512_CRYPT_ROUNDS),
        form.equalsIgnoreCase("none") || form.isEmpty()
            ? null
            : settings.parse(
                CoreKey.PASSWORD_NORMALIZE_FORM,
                v -> Normalizer.Form.valueOf(v.toUpperCase(Locale.ROOT)),
                "must be NFC, NFD, NFKC, NFKD or none"),
        settings.integer(CoreKey.PASSWORD_LENGTH_MIN),
        PasswordConfig.DEFAULT_LENGTH_MAX);
  }

  /** Flask's True means "never pre-hash", False means "only plaintext". */
  private Set<String> singleHashSchemes(List<String> schemes) {
    String value = settings.string(CoreKey.PASSWORD_SINGLE_HASH).trim();
    if (value.equalsIgnoreCase("true")) {
      Set<String> all = new HashSet<>(schemes);
      all.add("plaintext"); // accepted when it is the hash scheme even if not listed
      return all;
    }
    if (value.equalsIgnoreCase("false") || value.isEmpty()) {
      return Set.of("plaintext");
    }
    Set<String> single = new HashSet<>(settings.list(CoreKey.PASSWORD_SINGLE_HASH));
    single.add("plaintext");
    return single;
  }

  private Map<String, Integer> passlibOptions() {
    return settings.list(CoreKey.PASSWORD_HASH_PASSLIB_OPTIONS).stream()
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                kv -> kv[0].trim(),
                kv ->
                    settings.parse(
                        CoreKey.PASSWORD_HASH_PASSLIB_OPTIONS,
                        v -> Integer.parseInt(kv.length > 1 ? kv[1].trim() : ""),
                        "must be scheme__option=<number> pairs"),
                (a, b) -> b));
  }

  private AuthenticationConfig readAuthentication() {
    return new AuthenticationConfig(
        settings.string(CoreKey.TOKEN_AUTHENTICATION_KEY),
        settings.string(CoreKey.TOKEN_AUTHENTICATION_HEADER),
        settings.duration(CoreKey.TOKEN_MAX_AGE),
        settings.duration(CoreKey.TOKEN_EXPIRE_WITHIN),
        mechanisms(CoreKey.API_ENABLED_METHODS),
        settings.string(CoreKey.DEFAULT_HTTP_AUTH_REALM),
        identityAttributes(),
        settings.string(CoreKey.REMEMBER_COOKIE_NAME),
        settings.requiredDuration(CoreKey.REMEMBER_COOKIE_DURATION),
        settings.bool(CoreKey.DEFAULT_REMEMBER_ME),
        settings.requiredDuration(CoreKey.FRESHNESS),
        settings.requiredDuration(CoreKey.FRESHNESS_GRACE_PERIOD),
        settings.integer(CoreKey.PROXY_X_FOR),
        settings.bool(CoreKey.TRACKABLE),
        account.confirmationRequired());
  }

  /** Configured attributes; with usernames enabled, {@code username} is appended if absent. */
  private List<IdentityAttribute> identityAttributes() {
    Set<IdentityAttribute> attributes = new LinkedHashSet<>();
    for (String name : settings.list(CoreKey.USER_IDENTITY_ATTRIBUTES)) {
      attributes.add(
          settings.parse(
              CoreKey.USER_IDENTITY_ATTRIBUTES,
              v -> IdentityAttribute.ofAttributeName(name),
              "must list email, username or us_phone_number"));
    }
    if (settings.bool(CoreKey.USERNAME_ENABLE)) {
      attributes.add(IdentityAttribute.USERNAME);
    }
    if (attributes.isEmpty()) {
      throw new ConfigurationException(CoreKey.USER_IDENTITY_ATTRIBUTES, "must not be empty");
    }
    return new ArrayList<>(attributes);
  }

  private CsrfConfig readCsrf() {
    return new CsrfConfig(
        settings.bool(CoreKey.CSRF_ENABLED),
        settings.requiredDuration(CoreKey.CSRF_TIME_LIMIT),
        mechanisms(CoreKey.CSRF_PROTECT_MECHANISMS),
        settings.bool(CoreKey.CSRF_IGNORE_UNAUTH_ENDPOINTS),
        settings.optionalString(CoreKey.CSRF_COOKIE_NAME),
        sameSite(CoreKey.CSRF_COOKIE_SAMESITE),
        settings.bool(CoreKey.CSRF_COOKIE_SECURE),
        settings.string(CoreKey.CSRF_HEADER),
        settings.bool(CoreKey.CSRF_COOKIE_REFRESH_EACH_REQUEST));
  }

  /** {@code Strict}, {@code Lax} or {@code None}, in any case. */
  private String sameSite(ConfigKey key) {
    return settings.parse(
        key,
        v -> {
          String s =
              v.substring(0, 1).toUpperCase(Locale.ROOT) + v.substring(1).toLowerCase(Locale.ROOT);
          if (!Set.of("Strict", "Lax", "None").contains(s)) {
            throw new IllegalArgumentException(v);
          }
          return s;
        },
        "must be Strict, Lax or None");
  }

  private LinkConfig readLinks() {
    Optional<String> external =
        settings
            .optionalString(AccountKey.EXTERNAL_BASE_URL)
            .map(u -> u.endsWith("/") ? u : u + "/");
    external.ifPresent(
        url -> {
          if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new ConfigurationException(
                AccountKey.EXTERNAL_BASE_URL, "must be an absolute http(s) URL");
          }
        });
    List<String> hosts =
        settings.optionalString(AccountKey.TRUSTED_HOSTS).isEmpty()
            ? List.of()
            : settings.list(AccountKey.TRUSTED_HOSTS);
    TrustedHosts trusted;
    try {
      trusted = TrustedHosts.parse(hosts);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(AccountKey.TRUSTED_HOSTS, e.getMessage());
    }
    return new LinkConfig(external, trusted, settings.string(AccountKey.URL_PREFIX));
  }

  private LocaleConfig readLocales() {
    Locale fallback =
        locale(CoreKey.I18N_DEFAULT_LOCALE, settings.string(CoreKey.I18N_DEFAULT_LOCALE));
    List<Locale> offered = new ArrayList<>();
    offered.add(fallback);
    for (String tag : settings.list(CoreKey.I18N_LOCALES)) {
      Locale locale = locale(CoreKey.I18N_LOCALES, tag);
      if (!offered.contains(locale)) {
        offered.add(locale);
      }
    }
    Optional<String> bundle = settings.optionalString(CoreKey.I18N_BUNDLE);
    if (bundle.isPresent() && !bundle.get().matches("[\\w$-]+([./][\\w$-]+)*")) {
      throw new ConfigurationException(
          CoreKey.I18N_BUNDLE,
          "must be a bundle base name such as portcullis or i18n.myapp, not '"
              + bundle.get()
              + "'");
    }
    return new LocaleConfig(fallback, offered, bundle.map(name -> name.replace('/', '.')));
  }

  private static Locale locale(ConfigKey key, String tag) {
    try {
      return new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
    } catch (IllformedLocaleException e) {
      throw new ConfigurationException(
          key, "must be language tags such as en or de-CH, not '" + tag + "'");
    }
  }

  private CookieConfig readCookies() {
    return new CookieConfig(
        cookie(
            CoreKey.SESSION_COOKIE_SAMESITE,
            CoreKey.SESSION_COOKIE_SECURE,
            CoreKey.SESSION_COOKIE_HTTPONLY,
            Optional.empty(),
            Optional.empty()),
        cookie(
            CoreKey.REMEMBER_COOKIE_SAMESITE,
            CoreKey.REMEMBER_COOKIE_SECURE,
            CoreKey.REMEMBER_COOKIE_HTTPONLY,
            settings.optionalString(CoreKey.REMEMBER_COOKIE_PATH),
            settings.optionalString(CoreKey.REMEMBER_COOKIE_DOMAIN)));
  }

  /** A host-only cookie on the application's path, with these attributes. */
  private CookieAttributes cookie(
      ConfigKey sameSiteKey, ConfigKey secureKey, ConfigKey httpOnlyKey) {
    return cookie(sameSiteKey, secureKey, httpOnlyKey, Optional.empty(), Optional.empty());
  }

  private CookieAttributes cookie(
      ConfigKey sameSiteKey,
      ConfigKey secureKey,
      ConfigKey httpOnlyKey,
      Optional<String> path,
      Optional<String> domain) {
    String sameSite = sameSite(sameSiteKey);
    CookieAttributes.Secure secure =
        settings.string(secureKey).trim().equalsIgnoreCase("auto")
            ? CookieAttributes.Secure.WHEN_REQUEST_SECURE
            : settings.bool(secureKey)
                ? CookieAttributes.Secure.ALWAYS
                : CookieAttributes.Secure.NEVER;
    // Browsers drop a SameSite=None cookie that is not Secure: fail now, not silently per request.
    if (sameSite.equals("None") && secure != CookieAttributes.Secure.ALWAYS) {
      throw new ConfigurationException(
          sameSiteKey, "None needs " + secureKey.property() + "=true (browsers require Secure)");
    }
    return new CookieAttributes(sameSite, secure, settings.bool(httpOnlyKey), path, domain);
  }

  private RedirectConfig readRedirects() {
    boolean usReplacesLogin =
        settings.bool(MultiFactorKey.UNIFIED_SIGNIN)
            && settings.bool(MultiFactorKey.US_SIGNIN_REPLACES_LOGIN);
    return new RedirectConfig(
        settings.string(CoreKey.LOGIN_USER_TEMPLATE),
        usReplacesLogin
            ? settings.string(MultiFactorKey.US_SIGNIN_TEMPLATE).trim()
            : settings.string(CoreKey.LOGIN_USER_TEMPLATE),
        settings.string(CoreKey.VERIFY_TEMPLATE),
        settings.bool(MultiFactorKey.UNIFIED_SIGNIN)
            ? Optional.of(settings.string(MultiFactorKey.US_VERIFY_TEMPLATE).trim())
            : Optional.empty(),
        settings.string(CoreKey.POST_LOGIN_VIEW),
        settings.string(CoreKey.POST_LOGOUT_VIEW),
        settings.optionalString(CoreKey.POST_VERIFY_VIEW),
        settings.optionalString(CoreKey.UNAUTHORIZED_VIEW),
        settings.bool(CoreKey.REDIRECT_ALLOW_SUBDOMAINS),
        settings.optionalString(CoreKey.REDIRECT_BASE_DOMAIN),
        Set.copyOf(settings.list(CoreKey.REDIRECT_ALLOWED_SUBDOMAINS)));
  }

  private LoginConfig readLogin() {
    List<String> identityNames =
        authentication.identityAttributes().stream().map(IdentityAttribute::attributeName).toList();
    Set<String> logoutMethods =
        settings.list(CoreKey.LOGOUT_METHODS).stream()
            .map(m -> m.toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return new LoginConfig(
        settings.bool(CoreKey.USERNAME_ENABLE),
        identityNames.contains("email"),
        settings.bool(CoreKey.RETURN_GENERIC_RESPONSES),
        settings.bool(CoreKey.DEFAULT_REMEMBER_ME),
        settings.bool(CoreKey.BACKWARDS_COMPAT_AUTH_TOKEN),
        logoutMethods,
        identityNames,
        account.confirmationRequired(),
        settings.integer(CoreKey.MAX_REQUEST_BYTES));
  }

  private AccountConfig readAccount() {
    return new AccountConfig(
        settings.bool(AccountKey.REGISTERABLE),
        settings.bool(AccountKey.CONFIRMABLE),
        settings.bool(AccountKey.RECOVERABLE),
        settings.bool(AccountKey.CHANGEABLE),
        settings.bool(AccountKey.CHANGE_EMAIL),
        settings.bool(AccountKey.SEND_REGISTER_EMAIL),
        settings.bool(AccountKey.SEND_PASSWORD_CHANGE_EMAIL),
        settings.bool(AccountKey.SEND_PASSWORD_RESET_EMAIL),
        settings.bool(AccountKey.SEND_PASSWORD_RESET_NOTICE_EMAIL),
        settings.bool(AccountKey.LOGIN_WITHOUT_CONFIRMATION),
        settings.bool(AccountKey.AUTO_LOGIN_AFTER_CONFIRM),
        settings.bool(AccountKey.AUTO_LOGIN_AFTER_RESET),
        settings.requiredDuration(AccountKey.CONFIRM_EMAIL_WITHIN),
        settings.requiredDuration(AccountKey.RESET_PASSWORD_WITHIN),
        settings.requiredDuration(AccountKey.CHANGE_EMAIL_WITHIN),
        settings.bool(CoreKey.USERNAME_ENABLE),
        settings.bool(AccountKey.USERNAME_REQUIRED),
        settings.integer(AccountKey.USERNAME_MIN_LENGTH),
        settings.integer(AccountKey.USERNAME_MAX_LENGTH),
        normalizerForm(AccountKey.USERNAME_NORMALIZE_FORM),
        settings.bool(AccountKey.PASSWORD_CONFIRM_REQUIRED),
        settings.bool(AccountKey.EMAIL_CHECK_DELIVERABILITY),
        settings.bool(CoreKey.RETURN_GENERIC_RESPONSES));
  }

  private FlowViews readFlowViews() {
    String behavior = settings.optionalString(AccountKey.REDIRECT_BEHAVIOR).orElse("");
    if (!behavior.isEmpty() && !behavior.equalsIgnoreCase("spa")) {
      throw new ConfigurationException(AccountKey.REDIRECT_BEHAVIOR, "must be spa or none");
    }
    return new FlowViews(
        settings.bool(CoreKey.FLASH_MESSAGES),
        behavior.equalsIgnoreCase("spa"),
        settings.optionalString(AccountKey.POST_REGISTER_VIEW),
        settings.optionalString(AccountKey.POST_CONFIRM_VIEW),
        settings.optionalString(AccountKey.CONFIRM_ERROR_VIEW),
        settings.optionalString(AccountKey.POST_RESET_VIEW),
        settings.optionalString(AccountKey.RESET_VIEW),
        settings.optionalString(AccountKey.RESET_ERROR_VIEW),
        settings.optionalString(OAuthKey.LOGIN_ERROR_VIEW),
        settings.optionalString(AccountKey.POST_CHANGE_VIEW),
        settings.optionalString(AccountKey.POST_CHANGE_EMAIL_VIEW),
        settings.optionalString(AccountKey.CHANGE_EMAIL_ERROR_VIEW),
        settings.optionalString(AccountKey.REQUIRES_CONFIRMATION_ERROR_VIEW),
        settings.string(AccountKey.REGISTER_USER_TEMPLATE),
        settings.string(AccountKey.SEND_CONFIRMATION_TEMPLATE),
        settings.string(AccountKey.FORGOT_PASSWORD_TEMPLATE),
        settings.string(AccountKey.RESET_PASSWORD_TEMPLATE),
        settings.string(AccountKey.CHANGE_PASSWORD_TEMPLATE),
        settings.string(AccountKey.CHANGE_EMAIL_TEMPLATE));
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
