package dev.portcullis.impl.account;

import dev.portcullis.impl.authentication.AuthenticationTestSupport;
import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.confirmation.ConfirmationTestSupport;
import dev.portcullis.impl.confirmation.ConfirmationTokens;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.events.RecordingEvents;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.mail.DirectMailer;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.DefaultPasswordPolicy;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.registration.DefaultUsernamePolicy;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenDataHash;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.impl.views.ViewsTestSupport;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.PasswordPolicy;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UsernamePolicy;
import dev.portcullis.test.InMemoryRoleStore;
import dev.portcullis.test.InMemoryUserStore;
import dev.portcullis.test.RecordingMailSender;
import dev.portcullis.test.SettableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The real collaborators of the account services, wired as {@code ConfigProducer} and CDI wire them
 * but without a container: configuration from a map, the test kit's in-memory stores, recording
 * mail sender and settable clock, the real hasher (cheap bcrypt), token signer, templates and
 * messages. Service tests in the feature packages build their service from these.
 *
 * <pre>{@code
 * ServiceFixture fx = ServiceFixture.with(Map.of("security.confirmable", "true"));
 * UserRecord ann = fx.user("ann@example.com", "correct horse");
 * }</pre>
 */
public final class ServiceFixture {

  /** Where the clock starts. */
  public static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  /** The API root mailed links start with. */
  public static final String LINK_BASE = "https://app.example/api/";

  public final SettableClock clock = new SettableClock(START);
  public final InMemoryRoleStore roles = new InMemoryRoleStore();
  public final InMemoryUserStore users = new InMemoryUserStore(roles, clock);
  public final RecordingMailSender mail = new RecordingMailSender();
  public final RecordingEvents events = new RecordingEvents();

  public final SecurityConfiguration configuration;
  public final AccountConfig account;
  public final LoginConfig login;
  public final Messages messages;
  public final PasswordHasher hasher;
  public final PasswordPolicy passwordPolicy;
  public final UsernamePolicy usernamePolicy;
  public final PurposeTokens purposeTokens;
  public final UserBoundTokens userBoundTokens;
  public final ConfirmationTokens confirmationTokens;
  public final EmailValidator emails;
  public final PasswordCheck passwords;
  public final Decoys decoys;
  public final AccountMail accountMail;
  public final EventPublisher publisher;
  public final Redirects redirects;

  /** Builds API links as the resources do: the API root plus the path. */
  public final Function<String, String> links = path -> LINK_BASE + path;

  private ServiceFixture(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    // The cheapest bcrypt cost: the rules under test do not depend on it.
    all.put("security.password_hash_passlib_options", "bcrypt__rounds=4");
    all.putAll(settings);
    MapConfig config = MapConfig.valid(all);
    configuration = new SecurityConfiguration(config);
    account = configuration.account();
    login = configuration.login();
    messages = new Messages(config);
    SecureRandom random = new SecureRandom();
    hasher = new PasswordHasher(configuration.password(), random);
    passwordPolicy =
        new DefaultPasswordPolicy(
            configuration.password(), configuration.passwordPolicy(), messages);
    usernamePolicy = new DefaultUsernamePolicy(account, messages);
    purposeTokens = new PurposeTokens(new TokenSigner(configuration.secretKey(), clock), salts());
    userBoundTokens = new UserBoundTokens(purposeTokens, new TokenDataHash(random), users);
    confirmationTokens = ConfirmationTestSupport.tokens(userBoundTokens, account);
    emails = new EmailValidator(account);
    passwords = AuthenticationTestSupport.passwordCheck(hasher, users);
    decoys = new Decoys(hasher);
    accountMail = new AccountMail(DirectMailer.over(configuration.mail(), messages, mail));
    publisher = events.publisher();
    redirects = ViewsTestSupport.redirects(configuration.redirects());
  }

  /** The default configuration (Flask's defaults, a secret key and a password salt). */
  public static ServiceFixture defaults() {
    return new ServiceFixture(Map.of());
  }

  /** The default configuration with {@code settings} (MicroProfile Config keys) on top. */
  public static ServiceFixture with(Map<String, String> settings) {
    return new ServiceFixture(settings);
  }

  /** An active user with a confirmed email and {@code password}. */
  public UserRecord user(String email, String password) {
    return create(email, password, true, START.minusSeconds(3600));
  }

  /** An active user whose email is not confirmed yet. */
  public UserRecord unconfirmedUser(String email, String password) {
    return create(email, password, true, null);
  }

  /** A confirmed user who may not sign in. */
  public UserRecord inactiveUser(String email, String password) {
    return create(email, password, false, START.minusSeconds(3600));
  }

  /** The stored state of {@code user} now. */
  public UserRecord reload(UserRecord user) {
    return users.findById(user.id()).orElseThrow();
  }

  /** A form as a resource reads it: the declared text fields from {@code values}. */
  public static Form form(List<String> fields, Map<String, String> values) {
    return Form.read(FormData.of(values), fields, List.of());
  }

  /** The configured salts per purpose, as {@code ConfigProducer} reads them. */
  private TokenSalts salts() {
    Map<TokenPurpose, String> overrides = new EnumMap<>(TokenPurpose.class);
    configuration.salts().forEach((p, salt) -> overrides.put(TokenPurpose.valueOf(p), salt));
    return TokenSalts.withOverrides(overrides);
  }

  private UserRecord create(String email, String password, boolean active, Instant confirmedAt) {
    String hash = password == null ? null : hasher.hash(password);
    return users
        .create(new NewUser(email, null, hash, active, confirmedAt, Set.of()))
        .orElseThrow(() -> new IllegalStateException("taken: " + email));
  }
}
