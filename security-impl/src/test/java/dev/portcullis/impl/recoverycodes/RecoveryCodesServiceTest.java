package dev.portcullis.impl.recoverycodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.RecoveryCodeUsed;
import dev.portcullis.event.RecoveryCodesGenerated;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.recoverycodes.RecoveryCodesService.RedeemOutcome;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryCodesServiceTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
  static final String KEY = "DUtNaPVmzGLaQJUFFII52Hv1KTSxeeljXC9V2iAgZ8E=";

  private final InMemoryCodes store = new InMemoryCodes();
  private final List<Object> events = new ArrayList<>();
  private final RecoveryCodesService service = service(KEY);

  @Test
  void generateWhenCalledThenNewPlainCodesShownAndSealedOnesStored() {
    List<String> codes = service.generate(user(List.of()));

    assertThat(codes).hasSize(4).doesNotHaveDuplicates();
    assertThat(codes).allMatch(c -> c.matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"));
    assertThat(store.codes).hasSize(4).allMatch(stored -> stored.startsWith("gAAAAA"));
    assertThat(service.readable(user(store.codes))).containsExactlyElementsOf(codes);
    assertThat(events)
        .containsExactly(new RecoveryCodesGenerated(user(List.of()).toSecurityUser(), 4));
  }

  @Test
  void redeemWhenOneOfTheCodesThenUsedUpAndTheOthersKept() {
    List<String> codes = service.generate(user(List.of()));
    List<String> stored = List.copyOf(store.codes);

    RedeemOutcome used = service.redeem(user(stored), form(codes.get(2)));

    assertThat(used).isEqualTo(new RedeemOutcome.Redeemed(3));
    assertThat(service.readable(user(store.codes)))
        .containsExactly(codes.get(0), codes.get(1), codes.get(3));
    assertThat(service.redeem(user(store.codes), form(codes.get(2))))
        .isInstanceOf(RedeemOutcome.Rejected.class);
    assertThat(events).contains(new RecoveryCodeUsed(user(List.of()).toSecurityUser(), 3));
  }

  @Test
  void redeemWhenTheCodesChangedMeanwhileThenRefused() {
    List<String> codes = service.generate(user(List.of()));
    List<String> seen = List.copyOf(store.codes);
    service.redeem(user(seen), form(codes.get(0)));

    RedeemOutcome concurrent = service.redeem(user(seen), form(codes.get(1)));

    assertThat(concurrent)
        .as("read before another node used a code: that node won")
        .isEqualTo(
            new RedeemOutcome.Rejected(
                Map.of("code", List.of("This recovery code is not valid."))));
  }

  @Test
  void redeemWhenMissingOrWrongThenFieldErrorAndNothingWritten() {
    service.generate(user(List.of()));
    List<String> stored = List.copyOf(store.codes);

    assertThat(service.redeem(user(stored), form("")))
        .isEqualTo(new RedeemOutcome.Rejected(Map.of("code", List.of("This field is required."))));
    assertThat(service.redeem(user(stored), form("0000-0000-0000")))
        .isInstanceOf(RedeemOutcome.Rejected.class);
    assertThat(store.codes).isEqualTo(stored);
  }

  @Test
  void redeemWhenStoredPlainAsFlaskDoesWithoutKeysThenWorks() {
    RecoveryCodesService plain = service("");
    List<String> codes = plain.generate(user(List.of()));

    assertThat(store.codes).containsExactlyElementsOf(codes);
    assertThat(plain.redeem(user(store.codes), form(codes.get(0))))
        .isInstanceOf(RedeemOutcome.Redeemed.class);
  }

  private RecoveryCodesService service(String keys) {
    Map<String, String> settings = new HashMap<>();
    settings.put("security.two_factor", "true");
    settings.put("security.totp_secrets", "1=unit-test-wallet-secret");
    settings.put("security.multi_factor_recovery_codes", "true");
    settings.put("security.multi_factor_recovery_codes_n", "4");
    settings.put("security.multi_factor_recovery_codes_keys", keys);
    MapConfig config = MapConfig.valid(settings);
    SecurityConfiguration configuration = new SecurityConfiguration(config);
    RecoveryCodesService service = new RecoveryCodesService();
    service.config = configuration.recoveryCodes();
    service.store = store;
    service.messages = new Messages(config, configuration.locales());
    service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service.guard = CredentialGuard.disabled();
    service.events =
        new EventPublisher() {
          @Override
          public void publish(Object event) {
            events.add(event);
          }
        };
    service.build();
    return service;
  }

  private static Form form(String code) {
    return Form.read(FormData.of(Map.of("code", code)), List.of("code"), List.of());
  }

  private static UserRecord user(List<String> codes) {
    return new UserRecord(
        1,
        "ann@example.com",
        null,
        null,
        true,
        "uid",
        null,
        null,
        NOW,
        null,
        null,
        null,
        null,
        0,
        "authenticator",
        "{}",
        null,
        null,
        null,
        codes,
        null,
        null,
        NOW,
        NOW);
  }

  /** The store's rule: a conditional replacement only replaces what it expects. */
  private static final class InMemoryCodes implements RecoveryCodeStore {
    List<String> codes = List.of();

    @Override
    public boolean replace(long userId, List<String> stored) {
      codes = List.copyOf(stored);
      return true;
    }

    @Override
    public boolean replaceIfUnchanged(long userId, List<String> expected, List<String> remaining) {
      if (!codes.equals(expected)) {
        return false;
      }
      codes = List.copyOf(remaining);
      return true;
    }
  }
}
