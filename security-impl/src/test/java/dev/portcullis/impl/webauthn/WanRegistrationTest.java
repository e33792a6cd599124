package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.event.WanDeleted;
import dev.portcullis.event.WanRegistered;
import dev.portcullis.spi.UserRecord;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WanRegistrationTest {

  private final WanFixture f = new WanFixture();
  private final UserRecord ann = f.addUser(1, "ann@example.com", "ann-handle", true);
  private final UserRecord bob = f.addUser(2, "bob@example.com", "bob-handle", true);
  private final WanRegistration registration = f.registration();

  @Test
  void startWhenNameMissingOrInUseThenRefusedOnTheNameField() {
    f.addKey(ann, new byte[] {1}, "yubi", "first", 0);

    assertThat(registration.start(ann, Optional.empty(), Optional.empty(), f.rp))
        .isEqualTo(WanResult.Refused.of("name", "WEBAUTHN_NAME_REQUIRED", Map.of()));
    assertThat(registration.start(ann, Optional.of("yubi"), Optional.empty(), f.rp))
        .isEqualTo(WanResult.Refused.of("name", "WEBAUTHN_NAME_INUSE", Map.of("name", "yubi")));
    assertThat(registration.start(ann, Optional.of("new"), Optional.of("both"), f.rp))
        .isEqualTo(WanResult.Refused.of("usage", "FIELD_NOT_A_CHOICE", Map.of()));
  }

  @Test
  void startWhenFirstFactorKeyThenOptionsCarryRpUserChallengeAndExcludedKeys() {
    f.addKey(ann, new byte[] {7, 7}, "old", "secondary", 0);

    WanResult.Started started =
        (WanResult.Started)
            registration.start(ann, Optional.of("phone"), Optional.of("first"), f.rp);

    JsonObject options = started.options();
    WanState state = valid(started.state(), ann);
    assertThat(options.getJsonObject("rp").getString("id")).isEqualTo("example.com");
    assertThat(options.getJsonObject("rp").getString("name")).isEqualTo("Portcullis");
    assertThat(options.getJsonObject("user").getString("id"))
        .isEqualTo(b64("ann-handle".getBytes()));
    assertThat(options.getJsonObject("user").getString("name")).isEqualTo("ann@example.com");
    assertThat(state.challenge()).hasSize(43);
    assertThat(options.getString("challenge")).isEqualTo(b64(state.challenge().getBytes()));
    assertThat(options.getJsonArray("excludeCredentials").getJsonObject(0).getString("id"))
        .isEqualTo(b64(new byte[] {7, 7}));
    assertThat(options.getString("attestation")).isEqualTo("none");
    assertThat(options.getJsonObject("extensions").getBoolean("credProps")).isTrue();
    JsonObject selection = options.getJsonObject("authenticatorSelection");
    assertThat(selection).doesNotContainKey("authenticatorAttachment");
    assertThat(selection.getString("userVerification")).isEqualTo("preferred");
    assertThat(selection.getString("residentKey")).isEqualTo("preferred");
    assertThat(options.getJsonNumber("timeout").longValue()).isEqualTo(60000);
    assertThat(state.name()).contains("phone");
    assertThat(state.usage()).contains("first");
  }

  @Test
  void startWhenHintsOffOrFirstFactorOffThenResidentKeyRequiredOrUsageSecondary() {
    WanFixture strict = new WanFixture(false, true, false);
    UserRecord carl = strict.addUser(3, "carl@example.com", null, true);

    WanResult.Started started =
        (WanResult.Started)
            strict.registration().start(carl, Optional.of("k"), Optional.of("first"), strict.rp);

    JsonObject selection = started.options().getJsonObject("authenticatorSelection");
    assertThat(selection.getString("residentKey")).isEqualTo("required");
    assertThat(selection.getString("userVerification")).isEqualTo("discouraged");
    WanState state =
        ((WanStates.Read.Valid)
                strict.states.read(started.state(), WanState.Ceremony.REGISTER, Optional.of(carl)))
            .state();
    assertThat(state.usage()).contains("secondary");
    assertThat(state.userHandle()).hasValueSatisfying(h -> assertThat(h).hasSize(32));
  }

  @Test
  void finishWhenVerifiedThenStoredWithExpectationsOfTheStateAndEventWithoutKeyMaterial() {
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration = verified(new byte[] {1, 2, 3});

    WanRegistration.Finished finished =
        registration.finish(ann, started.state(), Optional.of("{}"), f.rp);

    assertThat(finished).isEqualTo(new WanRegistration.Finished.Registered("yubi"));
    WanState state = valid(started.state(), ann);
    assertThat(f.relyingParty.lastExpected.rpId()).isEqualTo("example.com");
    assertThat(f.relyingParty.lastExpected.origins()).containsExactly("https://app.example.com");
    assertThat(f.relyingParty.lastExpected.challenge()).isEqualTo(state.challenge().getBytes());
    WebAuthnCredential key = f.store.credentialsOf(ann.id()).get(0);
    assertThat(key.usage()).isEqualTo("first");
    assertThat(key.deviceType()).isEqualTo("multi_device");
    assertThat(f.events).containsExactly(new WanRegistered(ann.toSecurityUser(), "yubi", "first"));
    assertThat(f.events.get(0).toString()).doesNotContain("[1, 2, 3]", "AQID");
  }

  @Test
  void finishWhenStateIsAnotherUsersOrForgedOrCredentialMissingThenApiErrorAndNothingStored() {
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration = verified(new byte[] {1});

    assertThat(registration.finish(bob, started.state(), Optional.of("{}"), f.rp))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(registration.finish(ann, started.state() + "x", Optional.of("{}"), f.rp))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(registration.finish(ann, started.state(), Optional.empty(), f.rp))
        .isEqualTo(refused("API_ERROR", Map.of()));
    assertThat(f.store.rows).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void finishWhenStateExpiredThenWebauthnExpired() {
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration = verified(new byte[] {1});
    f.clock.advance(Duration.ofMinutes(31));

    assertThat(registration.finish(ann, started.state(), Optional.of("{}"), f.rp))
        .isEqualTo(refused("WEBAUTHN_EXPIRED", Map.of("within", Duration.ofMinutes(30))));
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void finishWhenRelyingPartyRefusesThenItsKeyAndCauseAndNothingStored() {
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration =
        new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "origin mismatch");

    assertThat(registration.finish(ann, started.state(), Optional.of("{}"), f.rp))
        .isEqualTo(refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "origin mismatch")));
    assertThat(registration.finish(ann, started.state(), Optional.of("not json"), f.rp))
        .isEqualTo(refused("API_ERROR", Map.of("cause", "x")));
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void finishWhenCredentialIdRegisteredByAnotherUserThenIdInUse() {
    f.addKey(bob, new byte[] {5}, "bobs", "first", 0);
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration = verified(new byte[] {5});

    assertThat(registration.finish(ann, started.state(), Optional.of("{}"), f.rp))
        .isEqualTo(refused("WEBAUTHN_CREDENTIAL_ID_INUSE", Map.of()));
    assertThat(f.store.credentialsOf(ann.id())).isEmpty();
  }

  @Test
  void finishWhenReplayedAfterTheKeyWasDeletedThenChallengeRefused() {
    WanResult.Started started = start(ann, "yubi", "first");
    f.relyingParty.registration = verified(new byte[] {1});
    registration.finish(ann, started.state(), Optional.of("{}"), f.rp);
    assertThat(registration.finish(ann, started.state(), Optional.of("{}"), f.rp))
        .as("same state while the name is taken")
        .isEqualTo(refused("WEBAUTHN_NAME_INUSE", Map.of("name", "yubi")));
    registration.delete(ann, Optional.of("yubi"));
    f.relyingParty.registration = verified(new byte[] {2});

    assertThat(registration.finish(ann, started.state(), Optional.of("{}"), f.rp))
        .isEqualTo(
            refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "the challenge was answered already")));
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void deleteWhenNamedThenDeletedWithEventElseNameNotFound() {
    f.addKey(ann, new byte[] {1}, "yubi", "secondary", 0);
    f.addKey(bob, new byte[] {2}, "bobs", "first", 0);

    assertThat(registration.delete(ann, Optional.of("bobs")))
        .isEqualTo(refused("WEBAUTHN_NAME_NOT_FOUND", Map.of("name", "bobs")));
    assertThat(registration.delete(ann, Optional.empty()))
        .isEqualTo(refused("WEBAUTHN_NAME_REQUIRED", Map.of()));
    assertThat(registration.delete(ann, Optional.of("yubi")))
        .isEqualTo(new WanRegistration.Finished.Deleted("yubi"));
    assertThat(f.store.credentialsOf(ann.id())).isEmpty();
    assertThat(f.store.credentialsOf(bob.id())).hasSize(1);
    assertThat(f.events).containsExactly(new WanDeleted(ann.toSecurityUser(), "yubi", "secondary"));
  }

  private WanResult.Started start(UserRecord user, String name, String usage) {
    return (WanResult.Started)
        registration.start(user, Optional.of(name), Optional.of(usage), f.rp);
  }

  private WanState valid(String token, UserRecord user) {
    return ((WanStates.Read.Valid)
            f.states.read(token, WanState.Ceremony.REGISTER, Optional.of(user)))
        .state();
  }

  private static RegistrationOutcome.Verified verified(byte[] id) {
    return new RegistrationOutcome.Verified(
        id,
        new byte[] {9},
        0,
        List.of("internal"),
        true,
        true,
        true,
        Optional.of(true),
        Optional.of("{\"credProps\":{\"rk\":true}}"));
  }

  private static WanRegistration.Finished refused(String key, Map<String, ?> args) {
    return new WanRegistration.Finished.Refused(key, args);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
