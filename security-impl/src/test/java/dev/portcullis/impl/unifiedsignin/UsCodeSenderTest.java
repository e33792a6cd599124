package dev.portcullis.impl.unifiedsignin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.UsSecurityTokenSent;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.totp.TotpCheck;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.twofactor.CodeDelivery;
import dev.portcullis.spi.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stand-in's send-code ({@link UsCodeSender#rehearse}) in the order of a real send: counted, then
 * the mail rehearsed and an event fired — but never the application's {@link UsSecurityTokenSent},
 * and nothing at all once the typed identity's count is used up, as for a user.
 */
class UsCodeSenderTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
  static final Optional<Function<String, String>> LINKS =
      Optional.of(path -> "https://app.example.com/api/" + path);

  private final UsCodeSender sender = new UsCodeSender();
  private final List<String> counted = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();
  private final List<String> rehearsed = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private CodeDelivery.Outcome next = new CodeDelivery.Outcome.Sent();
  private final TotpKey key = TotpKey.generate(new SecureRandom());

  @BeforeEach
  void wire() {
    sender.delivery =
        new CodeDelivery() {
          @Override
          public Outcome admitStandIn(String method, String identity) {
            counted.add(method + ":" + identity);
            return next;
          }
        };
    sender.mail =
        new AccountMail() {
          @Override
          public void rehearse(MailTemplate template, UserRecord user, Map<String, Object> extra) {
            rehearsed.add(template + " " + user.email() + " " + extra.containsKey("login_link"));
          }

          @Override
          public void send(MailTemplate template, UserRecord user, Map<String, Object> extra) {
            sent.add(user.email());
          }
        };
    sender.events =
        new EventPublisher() {
          @Override
          public void publish(Object event) {
            events.add(event);
          }
        };
    sender.store = new NoStepsUsed();
    sender.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Test
  void rehearseWhenCountAllowsThenCountedMailRehearsedAndOnlyAnInternalEvent() {
    sender.rehearse(standIn("ghost@example.com"), "ghost@example.com", key, LINKS);

    assertThat(counted).containsExactly("email:ghost@example.com");
    assertThat(rehearsed).containsExactly("US_INSTRUCTIONS ghost@example.com true");
    assertThat(sent).isEmpty();
    assertThat(events).singleElement().isInstanceOf(StandInCodeSent.class);
    assertThat(events).noneMatch(UsSecurityTokenSent.class::isInstance);
    StandInCodeSent event = (StandInCodeSent) events.get(0);
    assertThat(event.method()).isEqualTo("email");
    assertThat(event.magicLink()).isTrue();
  }

  @Test
  void rehearseWhenTheIdentitysCountIsUsedUpThenNoMailAndNoEventAsForAUser() {
    next = new CodeDelivery.Outcome.Limited(Duration.ofMinutes(15));

    sender.rehearse(standIn("ghost@example.com"), "ghost@example.com", key, LINKS);

    assertThat(counted).hasSize(1);
    assertThat(rehearsed).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void rehearseWhenIdentityIsNoAddressThenCountedByWhatWasTyped() {
    sender.rehearse(standIn("nobody@example.invalid"), "ghost-name", key, Optional.empty());

    assertThat(counted).containsExactly("email:ghost-name");
    assertThat(rehearsed).containsExactly("US_INSTRUCTIONS nobody@example.invalid false");
  }

  private static UserRecord standIn(String email) {
    return new UserRecord(
        0,
        email,
        null,
        "$2b$12$stand-in-hash",
        true,
        "0123456789abcdef0123456789abcdef",
        "fedcba9876543210fedcba9876543210",
        "00112233445566778899aabbccddeeff",
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        Set.of(),
        Set.of(),
        null,
        null);
  }

  /** No step was ever used. */
  private static final class NoStepsUsed implements UnifiedSigninStore {
    @Override
    public boolean setUp(
        long userId, String method, String secret, String phoneNumber, long acceptedStep) {
      return false;
    }

    @Override
    public boolean remove(long userId, List<String> methods) {
      return false;
    }

    @Override
    public long lastUsedStep(long userId, String method) {
      return TotpCheck.NONE_USED;
    }

    @Override
    public boolean useStep(long userId, String method, long step) {
      return false;
    }
  }
}
