package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.WanCounterRegressed;
import dev.portcullis.spi.UserRecord;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WanAssertionsTest {

  private static final byte[] ANN_FIRST = {1, 1};
  private static final byte[] ANN_SECOND = {1, 2};
  private static final byte[] BOB_FIRST = {2, 1};

  private final WanFixture f = new WanFixture();
  private final UserRecord ann = f.addUser(1, "ann@example.com", "ann-handle", true);
  private final UserRecord bob = f.addUser(2, "bob@example.com", "bob-handle", true);
  private final WanAssertions assertions = f.assertions();

  {
    f.addKey(ann, ANN_FIRST, "passkey", "first", 4);
    f.addKey(ann, ANN_SECOND, "yubi", "secondary", 0);
    f.addKey(bob, BOB_FIRST, "bobs", "first", 0);
  }

  @Test
  void startSigninWhenNoHintThenNoAllowedKeysForADiscoverableCredential() {
    JsonObject options =
        options(assertions.startSignin(Optional.empty(), Optional.empty(), false, f.rp));

    assertThat(options.getJsonArray("allowCredentials")).isEmpty();
    assertThat(options.getString("rpId")).isEqualTo("example.com");
    assertThat(options.getString("userVerification")).isEqualTo("preferred");
  }

  @Test
  void startSigninWhenHintNamesAUserThenOnlyItsFirstFactorKeys() {
    JsonObject options =
        options(
            assertions.startSignin(Optional.empty(), Optional.of("ANN@example.com"), true, f.rp));

    assertThat(options.getJsonArray("allowCredentials")).hasSize(1);
    assertThat(options.getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
        .isEqualTo(b64(ANN_FIRST));
  }

  @Test
  void startSigninWhenHintsOffThenTheHintIsIgnored() {
    WanFixture strict = new WanFixture(true, true, false);
    UserRecord carl = strict.addUser(3, "carl@example.com", "carl-handle", true);
    strict.addKey(carl, new byte[] {3}, "k", "first", 0);

    JsonObject options =
        options(
            strict
                .assertions()
                .startSignin(Optional.empty(), Optional.of("carl@example.com"), false, strict.rp));

    assertThat(options.getJsonArray("allowCredentials")).isEmpty();
  }

  @Test
  void startSigninWhenSecondFactorThenThePendingUsersSecondaryKeysWithoutUv() {
    JsonObject options =
        options(
            assertions.startSignin(Optional.of(ann), Optional.of("bob@example.com"), false, f.rp));

    assertThat(options.getJsonArray("allowCredentials")).hasSize(1);
    assertThat(options.getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
        .isEqualTo(b64(ANN_SECOND));
    assertThat(options.getString("userVerification")).isEqualTo("discouraged");
  }

  @Test
  void finishWhenPasskeyVerifiedThenPassedWithUvCounterRecordedAndStateChallengeExpected() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "ann-handle", new AssertionOutcome.Verified(5, true, true, true));

    WanAssertions.Checked checked = finish(started, WanState.Ceremony.SIGNIN, Optional.empty());

    assertThat(checked).isEqualTo(new WanAssertions.Checked.Passed(ann, "passkey", true, false));
    assertThat(b64(f.relyingParty.lastExpected.challenge()))
        .isEqualTo(started.options().getString("challenge"));
    WebAuthnCredential key = f.store.find(ANN_FIRST).orElseThrow();
    assertThat(key.signCount()).isEqualTo(5);
    assertThat(key.backupState()).isTrue();
  }

  @Test
  void finishWhenTheSameAssertionIsReplayedThenRefused() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "ann-handle", new AssertionOutcome.Verified(0, true, false, false));
    f.store.rows.replaceAll(
        r -> r.name().equals("passkey") ? withCount(r, 0) : r); // a counter-less passkey
    finish(started, WanState.Ceremony.SIGNIN, Optional.empty());

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(
            refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "the challenge was answered already")));
  }

  @Test
  void finishWhenCounterRegressedThenRefusedReportedAndNothingWritten() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "ann-handle", new AssertionOutcome.CounterRegressed(4, 3));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(
            refused(
                "WEBAUTHN_NO_VERIFY", Map.of("cause", "the signature counter did not increase")));
    assertThat(f.events)
        .containsExactly(new WanCounterRegressed(ann.toSecurityUser(), "passkey", 4, 3));
    assertThat(f.store.find(ANN_FIRST).orElseThrow().signCount()).isEqualTo(4);
    assertThat(f.store.usedChallenges).hasSize(3); // the three seeded registrations only
  }

  @Test
  void finishWhenUnknownCredentialOrMalformedThenRefusedInFlasksOrder() {
    WanResult.Started started = signin();
    answer(new byte[] {9, 9}, null, new AssertionOutcome.Verified(1, true, false, false));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_UNKNOWN_CREDENTIAL_ID", Map.of()));
    assertThat(
            assertions.finish(
                started.state(),
                WanState.Ceremony.SIGNIN,
                Optional.empty(),
                Optional.of("[x"),
                f.rp))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(
            assertions.finish(
                started.state(),
                WanState.Ceremony.SIGNIN,
                Optional.empty(),
                Optional.empty(),
                f.rp))
        .isEqualTo(refused("API_ERROR", Map.of()));
  }

  @Test
  void finishWhenUserHandleIsAnotherUsersThenMismatch() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "bob-handle", new AssertionOutcome.Verified(5, true, false, false));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_MISMATCH_USER_HANDLE", Map.of()));
  }

  @Test
  void finishWhenSecondaryKeySignsInAsFirstFactorThenWrongUsage() {
    WanResult.Started started = signin();
    answer(ANN_SECOND, "ann-handle", new AssertionOutcome.Verified(1, true, false, false));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_CREDENTIAL_WRONG_USAGE", Map.of()));
  }

  @Test
  void finishWhenOwnerDisabledThenDisabledAccount() {
    f.addUser(1, "ann@example.com", "ann-handle", false);
    WanResult.Started started = signin();
    answer(ANN_FIRST, "ann-handle", new AssertionOutcome.Verified(5, true, false, false));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("DISABLED_ACCOUNT", Map.of()));
  }

  @Test
  void finishWhenSignatureRefusedThenNoVerifyWithCause() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, null, new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "origin mismatch"));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "origin mismatch")));
    assertThat(f.store.find(ANN_FIRST).orElseThrow().signCount()).isEqualTo(4);
  }

  @Test
  void finishWhenStateExpiredThenWebauthnExpired() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, null, new AssertionOutcome.Verified(5, true, false, false));
    f.clock.advance(Duration.ofSeconds(61));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_EXPIRED", Map.of("within", Duration.ofMinutes(1))));
  }

  @Test
  void finishVerifyWhenTheKeyIsAnotherUsersThenRefused() {
    WanResult.Started started = (WanResult.Started) assertions.startVerify(ann, f.rp);
    answer(BOB_FIRST, null, new AssertionOutcome.Verified(1, true, false, false));

    assertThat(finish(started, WanState.Ceremony.VERIFY, Optional.of(ann)))
        .as("GHSA-f66q-9rf6-8795")
        .isEqualTo(refused("WEBAUTHN_MISMATCH_USER_HANDLE", Map.of()));
    assertThat(f.store.find(BOB_FIRST).orElseThrow().signCount()).isZero();
  }

  @Test
  void finishVerifyWhenOwnKeyThenPassedAndOptionsListedTheVerifyKeys() {
    WanResult.Started started = (WanResult.Started) assertions.startVerify(ann, f.rp);
    answer(ANN_SECOND, null, new AssertionOutcome.Verified(1, false, false, false));

    assertThat(options(started).getJsonArray("allowCredentials")).hasSize(2);
    assertThat(finish(started, WanState.Ceremony.VERIFY, Optional.of(ann)))
        .isEqualTo(new WanAssertions.Checked.Passed(ann, "yubi", false, false));
    assertThat(assertions.hasVerifyCredential(ann)).isTrue();
  }

  @Test
  void finishWhenStateOfAnotherCeremonyOrUserThenApiError() {
    WanResult.Started signin = signin();
    WanResult.Started verify = (WanResult.Started) assertions.startVerify(ann, f.rp);
    answer(ANN_FIRST, null, new AssertionOutcome.Verified(5, true, false, false));

    assertThat(finish(signin, WanState.Ceremony.VERIFY, Optional.of(ann)))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(finish(verify, WanState.Ceremony.VERIFY, Optional.of(bob)))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(finish(verify, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("API_ERROR", Map.of()));
  }

  @Test
  void finishSecondaryWhenAnotherUsersKeyThenRefused() {
    WanResult.Started started =
        (WanResult.Started) assertions.startSignin(Optional.of(ann), Optional.empty(), false, f.rp);
    answer(BOB_FIRST, null, new AssertionOutcome.Verified(1, false, false, false));

    assertThat(finish(started, WanState.Ceremony.SECONDARY, Optional.of(ann)))
        .isEqualTo(refused("WEBAUTHN_MISMATCH_USER_HANDLE", Map.of()));
  }

  @Test
  void finishWhenUnknownCredentialIdThenAFailureOfTheClientAddressAskedFirst() {
    WanResult.Started started = signin();
    answer(new byte[] {9, 9}, null, new AssertionOutcome.Verified(1, true, false, false));

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_UNKNOWN_CREDENTIAL_ID", Map.of()));
    assertThat(f.guard.asked).containsExactly("address");
    assertThat(f.guard.failures).containsExactly("address");
  }

  @Test
  void finishWhenThrottledThenRefusedBeforeTheIdIsLookedUpOrTheSignatureChecked() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "ann-handle", new AssertionOutcome.Verified(5, true, true, true));
    f.guard.refusing = true;

    assertThat(finish(started, WanState.Ceremony.SIGNIN, Optional.empty()))
        .isEqualTo(refused("TOO_MANY_FAILED_ATTEMPTS", Map.of()));
    assertThat(f.relyingParty.lastExpected).as("no signature checked").isNull();
    assertThat(f.guard.failures).isEmpty();
    assertThat(f.store.find(ANN_FIRST).orElseThrow().signCount()).isEqualTo(4);
  }

  @Test
  void finishVerifyWhenAnotherUsersKeyOrAnUnknownIdThenFailuresOfTheSignedInUsersCodes() {
    WanResult.Started started = (WanResult.Started) assertions.startVerify(ann, f.rp);
    answer(BOB_FIRST, null, new AssertionOutcome.Verified(1, true, false, false));
    finish(started, WanState.Ceremony.VERIFY, Optional.of(ann));
    answer(new byte[] {9, 9}, null, new AssertionOutcome.Verified(1, true, false, false));
    finish(started, WanState.Ceremony.VERIFY, Optional.of(ann));

    assertThat(f.guard.asked).containsExactly("code:user:1", "code:user:1");
    assertThat(f.guard.failures)
        .as("never bob's: he did nothing")
        .containsExactly("code:user:1", "code:user:1");
  }

  @Test
  void finishSecondaryWhenUnknownIdThenAFailureOfThePendingUsersCodes() {
    WanResult.Started started =
        (WanResult.Started) assertions.startSignin(Optional.of(ann), Optional.empty(), false, f.rp);
    answer(new byte[] {9, 9}, null, new AssertionOutcome.Verified(1, false, false, false));

    assertThat(finish(started, WanState.Ceremony.SECONDARY, Optional.of(ann)))
        .isEqualTo(refused("WEBAUTHN_UNKNOWN_CREDENTIAL_ID", Map.of()));
    assertThat(f.guard.failures).containsExactly("code:user:1");
  }

  @Test
  void finishWhenUserHandleIsAnotherUsersThenAFailureOfTheClientAddress() {
    WanResult.Started started = signin();
    answer(ANN_FIRST, "bob-handle", new AssertionOutcome.Verified(5, true, false, false));

    finish(started, WanState.Ceremony.SIGNIN, Optional.empty());

    assertThat(f.guard.failures).containsExactly("address");
  }

  @Test
  void finishWhenTheOwnersKeyOfTheWrongUsageThenNoFailureCounted() {
    WanResult.Started started = signin();
    answer(ANN_SECOND, "ann-handle", new AssertionOutcome.Verified(1, true, false, false));

    finish(started, WanState.Ceremony.SIGNIN, Optional.empty());

    assertThat(f.guard.failures).as("a real key, only offered where it is not used").isEmpty();
  }

  @Test
  void finishWhenSignatureRefusedThenAFailureOfTheOwnersCodesAndPassedForgetsThem() {
    WanResult.Started started = signin();
    answer(
        ANN_FIRST, null, new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "signature invalid"));
    finish(started, WanState.Ceremony.SIGNIN, Optional.empty());
    answer(ANN_FIRST, null, new AssertionOutcome.Verified(5, true, false, false));
    finish(signin(), WanState.Ceremony.SIGNIN, Optional.empty());

    assertThat(f.guard.failures).containsExactly("code:user:1");
    assertThat(f.guard.successes).containsExactly("code:user:1");
  }

  private WanResult.Started signin() {
    return (WanResult.Started)
        assertions.startSignin(Optional.empty(), Optional.empty(), false, f.rp);
  }

  private WanAssertions.Checked finish(
      WanResult.Started started, WanState.Ceremony ceremony, Optional<UserRecord> bound) {
    return assertions.finish(started.state(), ceremony, bound, Optional.of("{}"), f.rp);
  }

  private void answer(byte[] id, String handle, AssertionOutcome outcome) {
    f.relyingParty.ids = new AssertionIds(id, Optional.ofNullable(handle).map(WanFixture::ascii));
    f.relyingParty.assertion = outcome;
  }

  private static WebAuthnCredential withCount(WebAuthnCredential r, long count) {
    return new WebAuthnCredential(
        r.id(),
        r.credentialId(),
        r.publicKey(),
        count,
        r.transports(),
        r.backupState(),
        r.deviceType(),
        r.extensions(),
        r.lastUse(),
        r.name(),
        r.usage(),
        r.userId());
  }

  private static JsonObject options(WanResult result) {
    return ((WanResult.Started) result).options();
  }

  private static WanAssertions.Checked refused(String key, Map<String, ?> args) {
    return new WanAssertions.Checked.Refused(key, args);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
