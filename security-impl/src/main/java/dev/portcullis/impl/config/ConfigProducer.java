package dev.portcullis.impl.config;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authentication.IdentityCacheConfig;
import dev.portcullis.impl.csrf.CsrfConfig;
import dev.portcullis.impl.http.CookieConfig;
import dev.portcullis.impl.http.FaultConfig;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.jwt.JwtConfig;
import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.mail.MailConfig;
import dev.portcullis.impl.oauth.OAuthConfig;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.password.PasswordPolicyConfig;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.recoverycodes.RecoveryCodesConfig;
import dev.portcullis.impl.rest.RequestLimits;
import dev.portcullis.impl.signin.SignInConfig;
import dev.portcullis.impl.sms.SmsConfig;
import dev.portcullis.impl.throttle.ThrottleConfig;
import dev.portcullis.impl.token.AuthTokenCodec;
import dev.portcullis.impl.token.CsrfTokens;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.RememberCookieCodec;
import dev.portcullis.impl.token.TokenDataHash;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.impl.totp.TotpConfig;
import dev.portcullis.impl.twofactor.StandInSendKeys;
import dev.portcullis.impl.twofactor.TwoFactorConfig;
import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import dev.portcullis.impl.views.FlowViews;
import dev.portcullis.impl.views.PageConfig;
import dev.portcullis.impl.views.RedirectConfig;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the configuration and the services built from it (hasher, token codecs) injectable. Reads
 * everything once at start-up, so a misconfiguration fails the deployment with a message naming the
 * key.
 */
@ApplicationScoped
public class ConfigProducer {

  @Inject Config config;
  @Inject Clock clock;

  private SecurityConfiguration configuration;
  private PasswordHasher hasher;
  private PurposeTokens purposeTokens;
  private AuthTokenCodec authTokens;
  private RememberCookieCodec rememberCookies;
  private CsrfTokens csrfTokens;
  private TokenDataHash tokenDataHash;

  @PostConstruct
  void read() {
    configuration = new SecurityConfiguration(config);
    SecureRandom random = new SecureRandom();
    hasher = new PasswordHasher(configuration.password(), random);
    purposeTokens = new PurposeTokens(new TokenSigner(configuration.secretKey(), clock), salts());
    authTokens = new AuthTokenCodec(purposeTokens, clock);
    rememberCookies = new RememberCookieCodec(configuration.secretKey());
    csrfTokens = new CsrfTokens(purposeTokens, random);
    tokenDataHash = new TokenDataHash(random);
  }

  /** Reads the configuration when the application starts, failing the deployment if it is wrong. */
  void validateAtStartup(
      @Observes
          @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    configuration.secretKey();
  }

  private TokenSalts salts() {
    Map<TokenPurpose, String> overrides = new EnumMap<>(TokenPurpose.class);
    configuration
        .salts()
        .forEach((purpose, salt) -> overrides.put(TokenPurpose.valueOf(purpose), salt));
    return TokenSalts.withOverrides(overrides);
  }

  @Produces
  SecurityConfiguration configuration() {
    return configuration;
  }

  @Produces
  PasswordConfig passwordConfig() {
    return configuration.password();
  }

  @Produces
  AuthenticationConfig authenticationConfig() {
    return configuration.authentication();
  }

  @Produces
  IdentityCacheConfig identityCacheConfig() {
    return configuration.identityCache();
  }

  @Produces
  CsrfConfig csrfConfig() {
    return configuration.csrf();
  }

  @Produces
  RedirectConfig redirectConfig() {
    return configuration.redirects();
  }

  @Produces
  LoginConfig loginConfig() {
    return configuration.login();
  }

  @Produces
  SignInConfig signInConfig() {
    return new SignInConfig(
        configuration.login().backwardsCompatAuthToken(),
        configuration.twoFactor().selectTemplate());
  }

  /** Dependent: made with each bean that needs it (the code-send delivery, application-scoped). */
  @Produces
  StandInSendKeys standInSendKeys() {
    return new StandInSendKeys(configuration.secretKey());
  }

  @Produces
  RequestLimits requestLimits() {
    return new RequestLimits(configuration.login().maxRequestBytes());
  }

  @Produces
  AccountConfig accountConfig() {
    return configuration.account();
  }

  @Produces
  FlowViews flowViews() {
    return configuration.flowViews();
  }

  @Produces
  PageConfig pageConfig() {
    return configuration.pages();
  }

  @Produces
  LinkConfig linkConfig() {
    return configuration.links();
  }

  @Produces
  LocaleConfig localeConfig() {
    return configuration.locales();
  }

  @Produces
  CookieConfig cookieConfig() {
    return configuration.cookies();
  }

  @Produces
  DatastoreNames datastoreNames() {
    return configuration.datastore();
  }

  @Produces
  PasswordHasher passwordHasher() {
    return hasher;
  }

  @Produces
  PurposeTokens purposeTokens() {
    return purposeTokens;
  }

  @Produces
  AuthTokenCodec authTokenCodec() {
    return authTokens;
  }

  @Produces
  RememberCookieCodec rememberCookieCodec() {
    return rememberCookies;
  }

  @Produces
  TokenDataHash tokenDataHash() {
    return tokenDataHash;
  }

  @Produces
  CsrfTokens csrfTokens() {
    return csrfTokens;
  }

  @Produces
  PasswordPolicyConfig passwordPolicyConfig() {
    return configuration.passwordPolicy();
  }

  @Produces
  FaultConfig faultConfig() {
    return configuration.faults();
  }

  @Produces
  ThrottleConfig throttleConfig() {
    return configuration.throttle();
  }

  @Produces
  TwoFactorConfig twoFactorConfig() {
    return configuration.twoFactor();
  }

  @Produces
  UnifiedSigninConfig unifiedSigninConfig() {
    return configuration.unifiedSignin();
  }

  @Produces
  RecoveryCodesConfig recoveryCodesConfig() {
    return configuration.recoveryCodes();
  }

  @Produces
  TotpConfig totpConfig() {
    return configuration.totp();
  }

  @Produces
  SmsConfig smsConfig() {
    return configuration.sms();
  }

  @Produces
  JwtConfig jwtConfig() {
    return configuration.jwt();
  }

  @Produces
  WebAuthnConfig webAuthnConfig() {
    return configuration.webAuthn();
  }

  @Produces
  OAuthConfig oauthConfig() {
    return configuration.oauth();
  }

  /** Mail settings; read (and validated) when first injected, i.e. when the outbox starts. */
  @Produces
  MailConfig mailConfig() {
    return configuration.mail();
  }
}
