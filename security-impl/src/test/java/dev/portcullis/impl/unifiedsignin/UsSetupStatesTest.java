package dev.portcullis.impl.unifiedsignin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenPurpose;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsSetupStatesTest {

  static final String SECRET = "us-setup-test-secret";
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration WITHIN = Duration.ofMinutes(30);

  @Test
  void readWhenSameUserWithinItsLifetimeThenTheStateBack() {
    String token = states(NOW).create(user("ann-uid"), "sms", "{secret}", "+16502530000");

    UsSetupStates.Read read = states(NOW.plus(WITHIN).minusSeconds(1)).read(token, user("ann-uid"));

    assertThat(read).isEqualTo(new UsSetupStates.Read.Valid("{secret}", "sms", "+16502530000"));
  }

  @Test
  void readWhenAnotherUserOrARotatedUniquifierThenInvalid() {
    String token = states(NOW).create(user("ann-uid"), "email", "{secret}", null);

    assertThat(states(NOW).read(token, user("bob-uid")))
        .isInstanceOf(UsSetupStates.Read.Invalid.class);
  }

  @Test
  void readWhenOlderThanUsSetupWithinThenExpired() {
    String token = states(NOW).create(user("ann-uid"), "email", "{secret}", null);

    assertThat(states(NOW.plus(WITHIN).plusSeconds(1)).read(token, user("ann-uid")))
        .isInstanceOf(UsSetupStates.Read.Expired.class);
  }

  @Test
  void readWhenForgedOrOfAnotherPurposeThenInvalid() {
    UsSetupStates states = states(NOW);
    String token = states.create(user("ann-uid"), "email", "{secret}", null);
    String otherPurpose =
        tokens(NOW).sign(TokenPurpose.SIGNIN_PENDING, jakarta.json.Json.createValue("x"));

    assertThat(states.read(token + "x", user("ann-uid")))
        .isInstanceOf(UsSetupStates.Read.Invalid.class);
    assertThat(states.read(otherPurpose, user("ann-uid")))
        .isInstanceOf(UsSetupStates.Read.Invalid.class);
    assertThat(states.read("", user("ann-uid"))).isInstanceOf(UsSetupStates.Read.Invalid.class);
  }

  private static UsSetupStates states(Instant now) {
    UsSetupStates states = new UsSetupStates();
    states.tokens = tokens(now);
    states.config =
        new UnifiedSigninConfig(
            true,
            List.of("password", "email"),
            Set.of("password"),
            Duration.ofSeconds(120),
            WITHIN,
            false,
            true,
            "/setup",
            "/signin",
            "/setup",
            "/verify");
    return states;
  }

  private static PurposeTokens tokens(Instant now) {
    return new PurposeTokens(
        new TokenSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC)), TokenSalts.defaults());
  }

  private static UserRecord user(String uniquifier) {
    return new UserRecord(
        1,
        "ann@example.com",
        null,
        null,
        true,
        uniquifier,
        null,
        null,
        NOW,
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
        null,
        null,
        NOW,
        NOW);
  }
}
