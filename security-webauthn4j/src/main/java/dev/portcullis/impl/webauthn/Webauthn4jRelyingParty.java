package dev.portcullis.impl.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.androidsafetynet.AndroidSafetyNetAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The {@link RelyingParty} on webauthn4j: the only class that imports it (DESIGN §3). It ports what
 * py_webauthn's {@code verify_registration_response} and {@code verify_authentication_response} do
 * for Flask-Security ({@code flask_security/webauthn.py}): WebAuthn Level 3 §7.1 (registration,
 * steps 5–27) and §7.2 (authentication, steps 5–22), the signature counter rule of §7.2 step 21.
 *
 * <p>Attestation: {@code none}, and {@code packed}/{@code fido-u2f}/{@code tpm}/{@code
 * android-key}/{@code apple}/{@code android-safetynet} statements have their signatures checked but
 * no trust path (like py_webauthn without {@code pem_root_certs_bytes_by_fmt}); self attestation is
 * allowed. The stored public key is the COSE_Key map, as py_webauthn's {@code
 * credential_public_key}.
 *
 * <p>Every library failure ends here: a refusal with {@code WEBAUTHN_NO_VERIFY} and a short cause
 * of our own wording (never a class name or the library's message, which may echo request data),
 * {@code API_ERROR} when the JSON has not the shape of a credential.
 *
 * <p>Packaging: webauthn4j and its Jackson 3 are relocated into this module's jar under {@code
 * dev.portcullis.shaded} (see its {@code pom.xml}); the source names the originals.
 */
@ApplicationScoped
public class Webauthn4jRelyingParty implements RelyingParty {

  private static final Logger LOG = Logger.getLogger(Webauthn4jRelyingParty.class.getName());
  static final String NO_VERIFY = "WEBAUTHN_NO_VERIFY";
  static final String API_ERROR = "API_ERROR";

  /** py_webauthn's default supported algorithms, as far as webauthn4j verifies them. */
  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      List.of(
              COSEAlgorithmIdentifier.ES256,
              COSEAlgorithmIdentifier.EdDSA,
              COSEAlgorithmIdentifier.ES384,
              COSEAlgorithmIdentifier.ES512,
              COSEAlgorithmIdentifier.PS256,
              COSEAlgorithmIdentifier.PS384,
              COSEAlgorithmIdentifier.PS512,
              COSEAlgorithmIdentifier.RS256,
              COSEAlgorithmIdentifier.RS384,
              COSEAlgorithmIdentifier.RS512)
          .stream()
          .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
          .toList();

  /** Our wording for the library's refusals, most specific first. */
  private static final Map<Class<? extends RuntimeException>, String> CAUSES =
      Map.of(
          BadOriginException.class, "origin mismatch",
          BadRpIdException.class, "RP ID mismatch",
          BadChallengeException.class, "challenge mismatch",
          UserNotVerifiedException.class, "user verification required",
          UserNotPresentException.class, "user not present",
          BadSignatureException.class, "signature invalid",
          InconsistentClientDataTypeException.class, "wrong client data type",
          NotAllowedAlgorithmException.class, "algorithm not allowed",
          BadAttestationStatementException.class, "attestation invalid",
          NotAllowedCredentialIdException.class, "credential id mismatch");

  private final ObjectConverter converter = new ObjectConverter();
  private final WebAuthnManager manager =
      new WebAuthnManager(
          List.of(
              new NoneAttestationStatementVerifier(),
              new PackedAttestationStatementVerifier(),
              new FIDOU2FAttestationStatementVerifier(),
              new AndroidKeyAttestationStatementVerifier(),
              new AndroidSafetyNetAttestationStatementVerifier(),
              new TPMAttestationStatementVerifier(),
              new AppleAnonymousAttestationStatementVerifier()),
          new NullCertPathTrustworthinessVerifier(),
          new DefaultSelfAttestationTrustworthinessVerifier(true),
          converter);

  @Override
  public RegistrationOutcome verifyRegistration(String credentialJson, Expectations expected) {
    CredentialJson.Attestation response;
    try {
      response = CredentialJson.attestation(credentialJson);
    } catch (CredentialJson.Malformed e) {
      return new RegistrationOutcome.Refused(API_ERROR, e.getMessage());
    }
    try {
      return verified(response, register(response, expected));
    } catch (RuntimeException e) {
      return new RegistrationOutcome.Refused(NO_VERIFY, cause(e));
    }
  }

  @Override
  public Optional<AssertionIds> readAssertionIds(String credentialJson) {
    try {
      CredentialJson.Assertion response = CredentialJson.assertion(credentialJson);
      return Optional.of(new AssertionIds(response.id(), response.userHandle()));
    } catch (CredentialJson.Malformed e) {
      return Optional.empty();
    }
  }

  @Override
  public AssertionOutcome verifyAssertion(
      String credentialJson, StoredCredential credential, Expectations expected) {
    CredentialJson.Assertion response;
    try {
      response = CredentialJson.assertion(credentialJson);
    } catch (CredentialJson.Malformed e) {
      return new AssertionOutcome.Refused(API_ERROR, e.getMessage());
    }
    try {
      AuthenticatorData<?> data = authenticate(response, credential, expected);
      return new AssertionOutcome.Verified(
          data.getSignCount(), data.isFlagUV(), data.isFlagBE(), data.isFlagBS());
    } catch (MaliciousCounterValueException e) {
      return new AssertionOutcome.CounterRegressed(credential.signCount(), receivedCount(response));
    } catch (RuntimeException e) {
      return new AssertionOutcome.Refused(NO_VERIFY, cause(e));
    }
  }

  /** WebAuthn L3 §7.1 steps 5–27, attestation trust path excepted. */
  private RegistrationData register(CredentialJson.Attestation response, Expectations expected) {
    RegistrationRequest request =
        new RegistrationRequest(
            response.attestationObject(),
            response.clientData(),
            null, // client extension outputs are kept as text below, not judged
            Set.copyOf(response.transports()));
    RegistrationParameters parameters =
        new RegistrationParameters(
            serverProperty(expected), ALGORITHMS, expected.userVerificationRequired(), true);
    return manager.verify(request, parameters);
  }

  private RegistrationOutcome verified(CredentialJson.Attestation response, RegistrationData data) {
    AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authData.getAttestedCredentialData();
    if (!Arrays.equals(attested.getCredentialId(), response.id())) {
      return new RegistrationOutcome.Refused(NO_VERIFY, "credential id mismatch");
    }
    return new RegistrationOutcome.Verified(
        attested.getCredentialId(),
        converter.getCborMapper().writeValueAsBytes(attested.getCOSEKey()),
        authData.getSignCount(),
        response.transports(),
        authData.isFlagBE(),
        authData.isFlagBS(),
        authData.isFlagUV(),
        residentKey(response.extensions()),
        response.extensions().filter(e -> !e.isEmpty()).map(JsonObject::toString));
  }

  /** WebAuthn L3 §7.2 steps 5–22 against the stored key and counter. */
  private AuthenticatorData<?> authenticate(
      CredentialJson.Assertion response, StoredCredential stored, Expectations expected) {
    AuthenticationRequest request =
        new AuthenticationRequest(
            response.id(),
            response.userHandle().orElse(null),
            response.authenticatorData(),
            response.clientData(),
            null,
            response.signature());
    AuthenticationParameters parameters =
        new AuthenticationParameters(
            serverProperty(expected),
            record(stored),
            List.of(stored.credentialId()),
            expected.userVerificationRequired(),
            true);
    AuthenticationData data = manager.verify(request, parameters);
    return data.getAuthenticatorData();
  }

  /** A credential record rebuilt from what {@code fs_webauthn} keeps. */
  private CredentialRecord record(StoredCredential stored) {
    COSEKey key = converter.getCborMapper().readValue(stored.publicKey(), COSEKey.class);
    AttestedCredentialData attested =
        new AttestedCredentialData(AAGUID.ZERO, stored.credentialId(), key);
    return new CredentialRecordImpl(
        null, null, null, null, stored.signCount(), attested, null, null, null, null);
  }

  private static ServerProperty serverProperty(Expectations expected) {
    Set<Origin> origins =
        expected.origins().stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
    return ServerProperty.builder()
        .origins(origins)
        .rpId(expected.rpId())
        .challenge(new DefaultChallenge(expected.challenge()))
        .build();
  }

  private long receivedCount(CredentialJson.Assertion response) {
    byte[] data = response.authenticatorData();
    return data.length < 37
        ? 0
        : ((data[33] & 0xffL) << 24)
            | ((data[34] & 0xffL) << 16)
            | ((data[35] & 0xffL) << 8)
            | (data[36] & 0xffL);
  }

  private static Optional<Boolean> residentKey(Optional<JsonObject> extensions) {
    return extensions
        .map(e -> e.get("credProps"))
        .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
        .map(v -> v.asJsonObject().get("rk"))
        .filter(v -> v == JsonValue.TRUE || v == JsonValue.FALSE)
        .map(JsonValue.TRUE::equals);
  }

  /** Our short wording for a refusal; the library's message is logged at FINE only. */
  private static String cause(RuntimeException e) {
    LOG.log(Level.FINE, "WebAuthn response refused: {0}", e.getClass().getSimpleName());
    return CAUSES.entrySet().stream()
        .filter(entry -> entry.getKey().isInstance(e))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(
            e instanceof DataConversionException ? "malformed response" : "verification failed");
  }
}
