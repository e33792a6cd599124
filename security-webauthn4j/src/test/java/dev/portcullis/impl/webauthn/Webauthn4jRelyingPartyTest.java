package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.test.SoftAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter against {@link SoftAuthenticator}, a software authenticator written from the WebAuthn
 * specification with plain JCA: every expected value (key bytes, id, counter, flags) comes from the
 * authenticator, not from the code under test.
 */
class Webauthn4jRelyingPartyTest {

  private static final String RP_ID = "portcullis.example";
  private static final String ORIGIN = "https://portcullis.example";
  private static final byte[] USER_HANDLE = "a6b3c0d1e2f34a5b8c9d0e1f2a3b4c5d".getBytes();

  private final Webauthn4jRelyingParty rp = new Webauthn4jRelyingParty();
  private SoftAuthenticator key;
  private byte[] challenge;

  @BeforeEach
  void newKeyAndChallenge() {
    key = new SoftAuthenticator();
    challenge = challenge();
  }

  @Test
  void verifyRegistrationWhenNoneAttestationThenVerifiedWithCoseKeyIdFlagsAndExtensions() {
    key.backup(true, true).transports(List.of("usb", "nfc"));

    RegistrationOutcome outcome = rp.verifyRegistration(create(), expect(false));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Verified.class);
    RegistrationOutcome.Verified v = (RegistrationOutcome.Verified) outcome;
    assertThat(v.credentialId()).isEqualTo(key.credentialId());
    assertThat(v.publicKey()).isEqualTo(key.cosePublicKey());
    assertThat(v.signCount()).isZero();
    assertThat(v.transports()).containsExactly("usb", "nfc");
    assertThat(v.backupEligible()).isTrue();
    assertThat(v.backupState()).isTrue();
    assertThat(v.userVerified()).isTrue();
    assertThat(v.discoverable()).contains(true);
    assertThat(v.extensionsJson()).contains("{\"credProps\":{\"rk\":true}}");
  }

  @Test
  void verifyRegistrationWhenPackedSelfAttestationThenVerified() {
    key.attestation(SoftAuthenticator.Attestation.PACKED_SELF).residentKey(false);

    RegistrationOutcome outcome = rp.verifyRegistration(create(), expect(true));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Verified.class);
    assertThat(((RegistrationOutcome.Verified) outcome).discoverable()).contains(false);
  }

  @Test
  void verifyRegistrationWhenWrongOriginThenRefusedOriginMismatch() {
    String json = key.create(RP_ID, "https://portcullis.example.evil", challenge, USER_HANDLE);

    assertThat(rp.verifyRegistration(json, expect(false)))
        .isEqualTo(new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "origin mismatch"));
  }

  @Test
  void verifyRegistrationWhenWrongRpIdThenRefusedRpIdMismatch() {
    String json = key.create("evil.example", ORIGIN, challenge, USER_HANDLE);

    assertThat(rp.verifyRegistration(json, expect(false)))
        .isEqualTo(new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "RP ID mismatch"));
  }

  @Test
  void verifyRegistrationWhenWrongChallengeThenRefusedChallengeMismatch() {
    String json = key.create(RP_ID, ORIGIN, challenge(), USER_HANDLE);

    assertThat(rp.verifyRegistration(json, expect(false)))
        .isEqualTo(new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "challenge mismatch"));
  }

  @Test
  void verifyRegistrationWhenUserVerificationRequiredButAbsentThenRefused() {
    key.userVerified(false);

    assertThat(rp.verifyRegistration(create(), expect(true)))
        .isEqualTo(
            new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "user verification required"));
  }

  @Test
  void verifyRegistrationWhenUserVerificationNotRequiredAndAbsentThenVerifiedWithoutUv() {
    key.userVerified(false);

    RegistrationOutcome outcome = rp.verifyRegistration(create(), expect(false));

    assertThat(((RegistrationOutcome.Verified) outcome).userVerified()).isFalse();
  }

  @Test
  void verifyRegistrationWhenAssertionPostedInsteadThenRefusedWrongType() {
    String assertion = key.get(RP_ID, ORIGIN, challenge);

    RegistrationOutcome outcome = rp.verifyRegistration(assertion, expect(false));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Refused.class);
  }

  @Test
  void verifyRegistrationWhenJsonIdIsNotTheAttestedIdThenRefused() {
    String other = new SoftAuthenticator().credentialIdBase64Url();
    String json = create().replace(key.credentialIdBase64Url(), other);

    assertThat(rp.verifyRegistration(json, expect(false)))
        .isEqualTo(new RegistrationOutcome.Refused("WEBAUTHN_NO_VERIFY", "credential id mismatch"));
  }

  @Test
  void verifyRegistrationWhenFlaskStyleExtensionsTextThenKeptAsJson() {
    String json =
        create()
            .replace(
                "\"clientExtensionResults\":{\"credProps\":{\"rk\":true}}",
                "\"extensions\":\"{\\\"credProps\\\":{\\\"rk\\\":true}}\"");

    RegistrationOutcome.Verified v =
        (RegistrationOutcome.Verified) rp.verifyRegistration(json, expect(false));

    assertThat(v.discoverable()).contains(true);
    assertThat(v.extensionsJson()).contains("{\"credProps\":{\"rk\":true}}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "{",
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\"}",
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}",
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":"
            + "{\"clientDataJSON\":\"***\",\"attestationObject\":\"AAAA\"}}",
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"password\",\"response\":"
            + "{\"clientDataJSON\":\"AAAA\",\"attestationObject\":\"AAAA\"}}",
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"response\":"
            + "{\"clientDataJSON\":\"AAAA\",\"attestationObject\":\"AAAA\",\"transports\":[1]}}"
      })
  void verifyRegistrationWhenMalformedJsonThenApiError(String json) {
    RegistrationOutcome outcome = rp.verifyRegistration(json, expect(false));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Refused.class);
    assertThat(((RegistrationOutcome.Refused) outcome).messageKey()).isEqualTo("API_ERROR");
  }

  @Test
  void verifyRegistrationWhenGarbageBytesThenRefusedWithoutException() {
    String json =
        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":"
            + "{\"clientDataJSON\":\"AAAA\",\"attestationObject\":\"AAAA\"}}";

    RegistrationOutcome outcome = rp.verifyRegistration(json, expect(false));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Refused.class);
    RegistrationOutcome.Refused refused = (RegistrationOutcome.Refused) outcome;
    assertThat(refused.messageKey()).isEqualTo("WEBAUTHN_NO_VERIFY");
    assertThat(refused.cause()).doesNotContain("Exception", "com.", "tools.");
  }

  @Test
  void verifyAssertionWhenRegisteredKeyThenVerifiedWithTheAuthenticatorsCounter() {
    StoredCredential stored = register();
    key.counter(41).backup(true, false);

    AssertionOutcome outcome = rp.verifyAssertion(get(), stored, expect(true));

    assertThat(outcome).isEqualTo(new AssertionOutcome.Verified(42, true, true, false));
  }

  @Test
  void verifyAssertionWhenCounterRegressedThenCounterRegressed() {
    StoredCredential stored = withCount(register(), 10);
    key.counter(4);

    assertThat(rp.verifyAssertion(get(), stored, expect(false)))
        .isEqualTo(new AssertionOutcome.CounterRegressed(10, 5));
  }

  @Test
  void verifyAssertionWhenCounterRepeatedThenCounterRegressed() {
    StoredCredential stored = withCount(register(), 10);
    key.counter(9);

    assertThat(rp.verifyAssertion(get(), stored, expect(false)))
        .isEqualTo(new AssertionOutcome.CounterRegressed(10, 10));
  }

  @Test
  void verifyAssertionWhenCounterAlwaysZeroThenVerified() {
    StoredCredential stored = register();
    key.counting(false);

    assertThat(rp.verifyAssertion(get(), stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Verified(0, true, false, false));
  }

  @Test
  void verifyAssertionWhenSignatureTamperedThenRefusedSignatureInvalid() {
    StoredCredential stored = register();
    String json = get();
    byte[] signature = field(json, "signature");
    signature[signature.length - 1] ^= 0x01;
    String tampered = json.replace(b64(field(json, "signature")), b64(signature));

    assertThat(rp.verifyAssertion(tampered, stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "signature invalid"));
  }

  @Test
  void verifyAssertionWhenAuthenticatorDataTamperedThenRefused() {
    StoredCredential stored = register();
    String json = get();
    byte[] authData = field(json, "authenticatorData");
    authData[36] ^= 0x40; // a higher counter than the one signed
    String tampered = json.replace(b64(field(json, "authenticatorData")), b64(authData));

    assertThat(rp.verifyAssertion(tampered, stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "signature invalid"));
  }

  @Test
  void verifyAssertionWhenSignedByAnotherKeyUnderThisIdThenRefusedSignatureInvalid() {
    StoredCredential stored = register();
    SoftAuthenticator thief = new SoftAuthenticator();
    String json = thief.get(RP_ID, ORIGIN, challenge);
    String forged = json.replace(thief.credentialIdBase64Url(), key.credentialIdBase64Url());

    assertThat(rp.verifyAssertion(forged, stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "signature invalid"));
  }

  @Test
  void verifyAssertionWhenAnotherCredentialThenRefused() {
    StoredCredential stored = register();
    String json = new SoftAuthenticator().get(RP_ID, ORIGIN, challenge);

    AssertionOutcome outcome = rp.verifyAssertion(json, stored, expect(false));

    assertThat(outcome).isInstanceOf(AssertionOutcome.Refused.class);
    assertThat(((AssertionOutcome.Refused) outcome).messageKey()).isEqualTo("WEBAUTHN_NO_VERIFY");
  }

  @Test
  void verifyAssertionWhenWrongOriginThenRefusedOriginMismatch() {
    StoredCredential stored = register();
    String json = key.get(RP_ID, "http://portcullis.example", challenge);

    assertThat(rp.verifyAssertion(json, stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "origin mismatch"));
  }

  @Test
  void verifyAssertionWhenWrongRpIdThenRefusedRpIdMismatch() {
    StoredCredential stored = register();
    String json = key.get("example", ORIGIN, challenge);

    assertThat(rp.verifyAssertion(json, stored, expect(false)))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "RP ID mismatch"));
  }

  @Test
  void verifyAssertionWhenOldChallengeReplayedThenRefusedChallengeMismatch() {
    StoredCredential stored = register();
    String replayed = get();

    assertThat(rp.verifyAssertion(replayed, stored, expect(false, challenge())))
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "challenge mismatch"));
  }

  @Test
  void verifyAssertionWhenUserVerificationRequiredButAbsentThenRefused() {
    StoredCredential stored = register();
    key.userVerified(false);

    assertThat(rp.verifyAssertion(get(), stored, expect(true)))
        .isEqualTo(
            new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "user verification required"));
  }

  @Test
  void verifyAssertionWhenRegistrationResponsePostedThenRefused() {
    StoredCredential stored = register();

    AssertionOutcome outcome = rp.verifyAssertion(create(), stored, expect(false));

    assertThat(outcome).isInstanceOf(AssertionOutcome.Refused.class);
  }

  @Test
  void verifyAssertionWhenStoredKeyIsGarbageThenRefusedWithoutException() {
    StoredCredential stored = new StoredCredential(key.credentialId(), new byte[] {1, 2, 3}, 0);

    AssertionOutcome outcome = rp.verifyAssertion(get(), stored, expect(false));

    assertThat(outcome)
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "verification failed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "{\"id\":\"AAAA\",\"response\":{\"clientDataJSON\":\"AAAA\"}}"})
  void verifyAssertionWhenMalformedJsonThenApiError(String json) {
    AssertionOutcome outcome = rp.verifyAssertion(json, register(), expect(false));

    assertThat(outcome).isInstanceOf(AssertionOutcome.Refused.class);
    assertThat(((AssertionOutcome.Refused) outcome).messageKey()).isEqualTo("API_ERROR");
  }

  @Test
  void readAssertionIdsWhenResidentKeyThenIdAndUserHandle() {
    register();

    Optional<AssertionIds> ids = rp.readAssertionIds(get());

    assertThat(ids).isPresent();
    assertThat(ids.get().credentialId()).isEqualTo(key.credentialId());
    assertThat(ids.get().userHandle())
        .hasValueSatisfying(h -> assertThat(h).isEqualTo(USER_HANDLE));
  }

  @Test
  void readAssertionIdsWhenNotResidentThenNoUserHandle() {
    key.residentKey(false);
    register();

    assertThat(rp.readAssertionIds(get()).orElseThrow().userHandle()).isEmpty();
  }

  @Test
  void readAssertionIdsWhenMalformedThenEmpty() {
    assertThat(rp.readAssertionIds("{\"id\":\"%%%\"}")).isEmpty();
  }

  private String create() {
    return key.create(RP_ID, ORIGIN, challenge, USER_HANDLE);
  }

  private String get() {
    return key.get(RP_ID, ORIGIN, challenge);
  }

  /** Registers through the adapter and keeps what fs_webauthn would. */
  private StoredCredential register() {
    RegistrationOutcome.Verified v =
        (RegistrationOutcome.Verified) rp.verifyRegistration(create(), expect(false));
    challenge = challenge();
    return new StoredCredential(v.credentialId(), v.publicKey(), v.signCount());
  }

  private static StoredCredential withCount(StoredCredential stored, long count) {
    return new StoredCredential(stored.credentialId(), stored.publicKey(), count);
  }

  private Expectations expect(boolean userVerification) {
    return expect(userVerification, challenge);
  }

  private static Expectations expect(boolean userVerification, byte[] challenge) {
    return new Expectations(RP_ID, Set.of(ORIGIN), challenge, userVerification);
  }

  /** Flask's challenge: the ASCII bytes of 43 URL-safe characters (spec §5.9). */
  private static byte[] challenge() {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    return b64(random).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([A-Za-z0-9_-]*)\"").matcher(json);
    assertThat(m.find()).as(name).isTrue();
    return Base64.getUrlDecoder().decode(m.group(1));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
