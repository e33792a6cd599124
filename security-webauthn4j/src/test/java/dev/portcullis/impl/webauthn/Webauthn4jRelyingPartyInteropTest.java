package dev.portcullis.impl.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Responses of real authenticators recorded in py_webauthn's test suite (the library behind
 * Flask-Security; {@code src/test/resources/py_webauthn/README.txt}), checked against the values
 * py_webauthn computes for them: a key Flask-Security stored verifies here, and the key stored here
 * is the bytes Flask-Security stores.
 */
class Webauthn4jRelyingPartyInteropTest {

  private final Webauthn4jRelyingParty rp = new Webauthn4jRelyingParty();

  @Test
  void verifyRegistrationWhenNoneAttestationOfPyWebauthnThenSamePublicKeyBytesAndCount() {
    JsonObject v = vector("registration-none");

    RegistrationOutcome.Verified outcome =
        (RegistrationOutcome.Verified) rp.verifyRegistration(v.getString("credential"), expect(v));

    assertThat(outcome.publicKey()).isEqualTo(bytes(v, "public_key"));
    assertThat(outcome.signCount()).isEqualTo(v.getInt("sign_count"));
    assertThat(outcome.transports()).containsExactly("nfc", "usb");
    assertThat(outcome.extensionsJson()).isEmpty();
  }

  @Test
  void verifyRegistrationWhenPackedWithCertificateAndNoTrustAnchorThenVerifiedAsInPyWebauthn() {
    JsonObject v = vector("registration-packed-x5c");

    RegistrationOutcome outcome = rp.verifyRegistration(v.getString("credential"), expect(v));

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Verified.class);
    assertThat(((RegistrationOutcome.Verified) outcome).signCount())
        .isEqualTo(v.getInt("sign_count"));
  }

  @Test
  void verifyAssertionWhenEc2KeyStoredByFlaskThenVerifiedWithPyWebauthnsCount() {
    assertVerified("assertion-ec2", false);
  }

  @Test
  void verifyAssertionWhenRsaKeyStoredByFlaskAndUvRequiredThenVerified() {
    assertVerified("assertion-rsa-uv", true);
  }

  @Test
  void verifyAssertionWhenEd25519KeyStoredByFlaskThenVerified() {
    assertVerified("assertion-okp", false);
  }

  @Test
  void verifyAssertionWhenStoredKeyIsAnotherThenRefusedAsPyWebauthnDoes() {
    JsonObject v = vector("assertion-wrong-key");

    AssertionOutcome outcome =
        rp.verifyAssertion(
            v.getString("credential"), stored(v), expect(v).requiringUserVerification());

    assertThat(outcome)
        .isEqualTo(new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "signature invalid"));
  }

  @Test
  void verifyAssertionWhenUvRequiredButAbsentThenRefusedAsPyWebauthnDoes() {
    JsonObject v = vector("assertion-uv-absent");

    AssertionOutcome outcome =
        rp.verifyAssertion(
            v.getString("credential"), stored(v), expect(v).requiringUserVerification());

    assertThat(outcome)
        .isEqualTo(
            new AssertionOutcome.Refused("WEBAUTHN_NO_VERIFY", "user verification required"));
  }

  @Test
  void readAssertionIdsWhenUserHandleRecordedThenItsBytes() {
    JsonObject v = vector("assertion-rsa-uv");

    AssertionIds ids = rp.readAssertionIds(v.getString("credential")).orElseThrow();

    assertThat(ids.userHandle()).hasValueSatisfying(h -> assertThat(h).hasSize(48));
    assertThat(ids.credentialId()).isEqualTo(bytes(credential(v), "rawId"));
  }

  private void assertVerified(String name, boolean userVerification) {
    JsonObject v = vector(name);
    Expectations expected = userVerification ? expect(v).requiringUserVerification() : expect(v);

    AssertionOutcome outcome = rp.verifyAssertion(v.getString("credential"), stored(v), expected);

    assertThat(outcome).isInstanceOf(AssertionOutcome.Verified.class);
    AssertionOutcome.Verified verified = (AssertionOutcome.Verified) outcome;
    assertThat(verified.signCount()).isEqualTo(v.getInt("new_sign_count"));
    assertThat(verified.userVerified()).isEqualTo(v.getBoolean("user_verified"));
  }

  private static StoredCredential stored(JsonObject v) {
    return new StoredCredential(
        bytes(credential(v), "rawId"), bytes(v, "public_key"), v.getInt("stored_sign_count"));
  }

  private static Expectations expect(JsonObject v) {
    return new Expectations(
        v.getString("rp_id"), Set.of(v.getString("origin")), bytes(v, "challenge"), false);
  }

  private static JsonObject credential(JsonObject v) {
    try (JsonReader reader =
        Json.createReader(new java.io.StringReader(v.getString("credential")))) {
      return reader.readObject();
    }
  }

  private static byte[] bytes(JsonObject o, String key) {
    return Base64.getUrlDecoder().decode(o.getString(key));
  }

  private static JsonObject vector(String name) {
    InputStream in =
        Webauthn4jRelyingPartyInteropTest.class.getResourceAsStream(
            "/py_webauthn/" + name + ".json");
    try (JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
