package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.sms.PhoneNumbers;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.totp.TotpCheck;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two-factor beans wired by hand over a configuration, with recording doubles where the real
 * part needs a container: the store (in memory, same rules as {@link TwoFactorRepository}), mail,
 * SMS and events.
 */
final class TwoFactorTestBeans {

  final SecurityConfiguration configuration;
  final Messages messages;
  final Clock clock;
  final InMemoryStore store = new InMemoryStore();
  final RecordingMail mail = new RecordingMail();
  final RecordingSms sms = new RecordingSms();
  final RecordingEvents events = new RecordingEvents();
  final TotpSecrets secrets;
  final CodeDelivery delivery = new CodeDelivery();
  final AuthenticatorSetup authenticator = new AuthenticatorSetup();
  final TwoFactorService service = new TwoFactorService();
  final TwoFactorRescueService rescue = new TwoFactorRescueService();

  TwoFactorTestBeans(Map<String, String> settings, Clock clock) {
    Map<String, String> all = new HashMap<>(settings);
    all.putIfAbsent("security.two_factor", "true");
    all.putIfAbsent("security.totp_secrets", "1=unit-test-wallet-secret");
    all.putIfAbsent("security.totp_issuer", "Unit Tests");
    all.putIfAbsent("security.two_factor_enabled_methods", "email,authenticator,sms");
    MapConfig config = MapConfig.valid(all);
    this.configuration = new SecurityConfiguration(config);
    this.messages = new Messages(config, configuration.locales());
    this.clock = clock;
    this.secrets = new TotpSecrets(configuration.totp());
    TwoFactorConfig twoFactor = configuration.twoFactor();
    PhoneNumbers phones = new PhoneNumbers("US");
    delivery.mail = mail;
    delivery.sms = sms;
    delivery.phoneNumbers = phones;
    delivery.store = store;
    delivery.config = twoFactor;
    delivery.events = events;
    delivery.messages = messages;
    delivery.clock = clock;
    delivery.standIns = new StandInSendKeys(configuration.secretKey());
    authenticator.secrets = secrets;
    authenticator.authentication = configuration.authentication();
    service.config = twoFactor;
    service.store = store;
    service.secrets = secrets;
    service.delivery = delivery;
    service.guard = CredentialGuard.disabled();
    service.authenticator = authenticator;
    service.phoneNumbers = phones;
    service.events = events;
    service.messages = messages;
    service.clock = clock;
    rescue.config = twoFactor;
    rescue.secrets = secrets;
    rescue.delivery = delivery;
    rescue.twoFactor = service;
    rescue.messages = messages;
  }

  /** A user with these two-factor columns. */
  static UserRecord user(long id, String method, String secret, String phone) {
    return new UserRecord(
        id,
        "ann@example.com",
        "ann",
        null,
        true,
        "uid-" + id,
        "tok-" + id,
        null,
        Instant.EPOCH,
        null,
        null,
        null,
        null,
        0,
        method,
        secret,
        phone,
        null,
        null,
        List.of(),
        null,
        null,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  /** The store's rules in memory: steps only forward, sends per period. */
  static final class InMemoryStore implements TwoFactorStore {
    final Map<Long, String[]> columns = new HashMap<>();
    final Map<String, Long> steps = new HashMap<>();
    final Map<Long, Instant> periodStart = new HashMap<>();
    final Map<Long, Integer> sent = new HashMap<>();

    @Override
    public boolean setUp(long userId, String method, String secret, String phone, long step) {
      columns.put(userId, new String[] {method, secret, phone});
      steps.put(userId + "/" + method, step);
      return true;
    }

    @Override
    public boolean disable(long userId) {
      columns.put(userId, new String[3]);
      return true;
    }

    @Override
    public long lastUsedStep(long userId, String method) {
      return steps.getOrDefault(userId + "/" + method, TotpCheck.NONE_USED);
    }

    @Override
    public boolean useStep(long userId, String method, long step) {
      if (step <= lastUsedStep(userId, method)) {
        return false;
      }
      steps.put(userId + "/" + method, step);
      return true;
    }

    @Override
    public Optional<Instant> countSend(
        long userId, String addressHash, Instant now, Duration period, int limit) {
      Instant start = periodStart.get(userId);
      if (start == null || !now.isBefore(start.plus(period))) {
        periodStart.put(userId, now);
        sent.put(userId, 1);
        return Optional.empty();
      }
      if (sent.get(userId) >= limit) {
        return Optional.of(start.plus(period));
      }
      sent.merge(userId, 1, Integer::sum);
      return Optional.empty();
    }

    /** Stand-ins' counts by their counter key; slots are not kept (they decide nothing). */
    final Map<String, Instant> standInPeriodStart = new HashMap<>();

    final Map<String, Integer> standInSent = new HashMap<>();

    @Override
    public Optional<Instant> countStandInSend(
        int slot, String counter, Instant now, Duration period, int limit) {
      Instant start = standInPeriodStart.get(counter);
      if (start == null || !now.isBefore(start.plus(period))) {
        standInPeriodStart.put(counter, now);
        standInSent.put(counter, 1);
        return Optional.empty();
      }
      if (standInSent.get(counter) >= limit) {
        return Optional.of(start.plus(period));
      }
      standInSent.merge(counter, 1, Integer::sum);
      return Optional.empty();
    }

    @Override
    public int forgetAddressSendsBefore(Instant before) {
      return 0;
    }
  }

  /** Mails queued, with their context. */
  static final class RecordingMail extends AccountMail {
    record Sent(MailTemplate template, String to, Map<String, Object> context) {}

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(MailTemplate template, UserRecord user, Map<String, Object> extra) {
      sent.add(new Sent(template, user.email(), extra));
    }

    @Override
    public void send(
        MailTemplate template, String recipient, UserRecord user, Map<String, Object> extra) {
      sent.add(new Sent(template, recipient, extra));
    }
  }

  /** Texts sent; fails while {@code failing}. */
  static final class RecordingSms implements SmsSender {
    record Text(String to, String text) {}

    final List<Text> sent = new ArrayList<>();
    boolean failing;

    @Override
    public Delivery send(String to, String text) {
      sent.add(new Text(to, text));
      return failing ? Delivery.failed("provider down") : Delivery.SENT;
    }
  }

  /** Events published. */
  static final class RecordingEvents extends EventPublisher {
    final List<Object> published = new ArrayList<>();

    @Override
    public void publish(Object event) {
      published.add(event);
    }
  }
}
