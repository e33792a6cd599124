package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The options JSON the browser passes to {@code navigator.credentials.create/get} (WebAuthn L3 §5.4
 * and §5.5 in their JSON form, as py_webauthn's {@code options_to_json} writes them; spec §7.6):
 * binary members base64url without padding.
 */
final class WanOptions {

  /** py_webauthn's default algorithms: ES256, EdDSA, ES384, ES512, PS256-512, RS256-512. */
  private static final List<Integer> ALGORITHMS =
      List.of(-7, -8, -35, -36, -37, -38, -39, -257, -258, -259);

  private WanOptions() {}

  /** {@code PublicKeyCredentialCreationOptions} for {@code user}. */
  static JsonObject creation(
      RelyingPartyIdentity.Resolved rp,
      WebAuthnConfig config,
      String userHandle,
      String userName,
      WanState state,
      List<WebAuthnCredential> existing) {
    JsonArrayBuilder params = Jsons.array();
    ALGORITHMS.forEach(alg -> params.add(Jsons.object().add("type", "public-key").add("alg", alg)));
    boolean first = WebAuthnConfig.FIRST.equals(state.usage().orElse(""));
    JsonObjectBuilder selection = Jsons.object();
    if (first) {
      config
          .firstFactorAttachment()
          .ifPresent(attachment -> selection.add("authenticatorAttachment", attachment));
    }
    String residentKey = config.allowUserHints() ? "preferred" : "required";
    selection
        .add("residentKey", residentKey)
        .add("requireResidentKey", "required".equals(residentKey))
        .add("userVerification", first ? "preferred" : "discouraged");
    return Jsons.object()
        .add("rp", Jsons.object().add("name", config.rpName()).add("id", rp.rpId()))
        .add(
            "user",
            Jsons.object()
                .add("id", b64(userHandle.getBytes(StandardCharsets.US_ASCII)))
                .add("name", userName)
                .add("displayName", userName))
        .add("challenge", b64(state.challengeBytes()))
        .add("pubKeyCredParams", params)
        .add("timeout", config.registerTimeoutMillis())
        .add("excludeCredentials", descriptors(existing))
        .add("authenticatorSelection", selection)
        .add("attestation", "none")
        .add("extensions", Jsons.object().add("credProps", true))
        .build();
  }

  /** {@code PublicKeyCredentialRequestOptions}. */
  static JsonObject request(
      RelyingPartyIdentity.Resolved rp,
      WebAuthnConfig config,
      WanState state,
      List<WebAuthnCredential> allowed,
      String userVerification) {
    return Jsons.object()
        .add("challenge", b64(state.challengeBytes()))
        .add("timeout", config.signinTimeoutMillis())
        .add("rpId", rp.rpId())
        .add("allowCredentials", descriptors(allowed))
        .add("userVerification", userVerification)
        .build();
  }

  /** base64url without padding. */
  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static JsonArrayBuilder descriptors(List<WebAuthnCredential> credentials) {
    JsonArrayBuilder list = Jsons.array();
    for (WebAuthnCredential credential : credentials) {
      JsonArrayBuilder transports = Jsons.array();
      credential.transports().forEach(transports::add);
      list.add(
          Jsons.object()
              .add("type", "public-key")
              .add("id", b64(credential.credentialId()))
              .add("transports", transports));
    }
    return list;
  }
}
