package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stand-in code sends (generic responses, an identity that gets no code): where they are counted
 * ({@link StandInSendKeys}) and how {@link CodeDelivery#admitStandIn} bounds them — like a user's,
 * with nothing sent and no user's count touched.
 */
class StandInSendsTest {

  static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

  private final TwoFactorTestBeans beans =
      new TwoFactorTestBeans(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));
  private final StandInSendKeys keys = new StandInSendKeys("0123456789abcdef0123456789abcdef");

  @Test
  void rowsWhenTheSameIdentityThenTheSameRowsWhateverItsCaseOrSpaces() {
    StandInSendKeys.Rows rows = keys.of("email", "ghost@example.com");

    assertThat(keys.of("email", " Ghost@Example.COM ")).isEqualTo(rows);
    assertThat(rows.slot()).isBetween(0, StandInSendKeys.SLOTS - 1);
    assertThat(rows.counter()).matches("[0-9a-f]{64}");
  }

  @Test
  void rowsWhenAnotherIdentityMethodOrSecretThenAnotherCounter() {
    StandInSendKeys.Rows rows = keys.of("email", "ghost@example.com");

    assertThat(keys.of("email", "ghost2@example.com").counter()).isNotEqualTo(rows.counter());
    assertThat(keys.of("sms", "ghost@example.com").counter()).isNotEqualTo(rows.counter());
    assertThat(
            new StandInSendKeys("another-secret-key-0123456789abc")
                .of("email", "ghost@example.com"))
        .as("keyed: without the secret nobody can compute an identity's rows")
        .isNotEqualTo(rows);
  }

  /**
   * A stand-in's counter must never be a real address's (the SHA-256 of {@code email:<address>}): a
   * stand-in would otherwise use up a real person's sends.
   */
  @Test
  void rowsWhenIdentityIsAnAddressThenNotThatAddresssCounter() throws Exception {
    String real =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("email:ghost@example.com".getBytes(StandardCharsets.UTF_8)));

    assertThat(keys.of("email", "ghost@example.com").counter()).isNotEqualTo(real);
  }

  @Test
  void rowsWhenManyIdentitiesThenEverySlotUsedAndNoneMuchMoreThanOthers() {
    int[] perSlot = new int[StandInSendKeys.SLOTS];
    IntStream.range(0, 64_000)
        .forEach(i -> perSlot[keys.of("email", "user" + i + "@example.com").slot()]++);

    assertThat(IntStream.of(perSlot).min().orElseThrow()).isGreaterThan(800);
    assertThat(IntStream.of(perSlot).max().orElseThrow()).isLessThan(1200);
  }

  @Test
  void admitStandInWhenFloodedThenRefusedAfterAsManyAsAUserAndNothingSentOrCountedForUsers() {
    CodeDelivery delivery = beans.delivery;
    var ann = TwoFactorTestBeans.user(1, null, null, null);

    List<Boolean> user =
        IntStream.range(0, 7)
            .mapToObj(i -> delivery.admit(ann, "email", null) instanceof CodeDelivery.Outcome.Sent)
            .toList();
    List<Boolean> standIn =
        IntStream.range(0, 7)
            .mapToObj(
                i ->
                    delivery.admitStandIn("email", "ghost@example.com")
                        instanceof CodeDelivery.Outcome.Sent)
            .toList();

    assertThat(user).containsExactly(true, true, true, true, true, false, false);
    assertThat(standIn).isEqualTo(user);
    assertThat(delivery.admitStandIn("email", "ghost@example.com"))
        .isEqualTo(new CodeDelivery.Outcome.Limited(java.time.Duration.ofMinutes(15)));
    assertThat(delivery.admitStandIn("email", "other-ghost@example.com"))
        .as("another identity has its own count")
        .isInstanceOf(CodeDelivery.Outcome.Sent.class);
    assertThat(beans.store.sent).as("only Ann's own sends").isEqualTo(Map.of(1L, 5));
    assertThat(beans.mail.sent).isEmpty();
    assertThat(beans.events.published).isEmpty();
  }

  @Test
  void admitStandInWhenTheSameIdentityTypedOtherwiseThenCountedTogether() {
    Set<CodeDelivery.Outcome> outcomes = new HashSet<>();
    for (String typed :
        List.of(
            "a@example.com", "A@example.com", " a@EXAMPLE.com", "a@example.com", "A@Example.Com")) {
      outcomes.add(beans.delivery.admitStandIn("email", typed));
    }
    assertThat(outcomes).containsExactly(new CodeDelivery.Outcome.Sent());
    assertThat(beans.delivery.admitStandIn("email", "a@example.com"))
        .as("the sixth request for one identity, however typed")
        .isInstanceOf(CodeDelivery.Outcome.Limited.class);
  }
}
