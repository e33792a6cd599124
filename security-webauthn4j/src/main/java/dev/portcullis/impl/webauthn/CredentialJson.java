package dev.portcullis.impl.webauthn;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code credential} JSON a browser posts — {@code PublicKeyCredential} in the WebAuthn
 * Level 3 JSON form (§5.1.8 {@code toJSON()}), base64url fields — into bytes, before anything is
 * verified. Like py_webauthn's {@code parse_*_credential_json}, a missing or badly encoded field is
 * a {@link Malformed} (Flask: {@code API_ERROR}); what the bytes say is left to the verifier.
 *
 * <p>Client extension results are taken from {@code clientExtensionResults}, or from {@code
 * extensions} (an object or its JSON text) as Flask-Security's script sends them; {@code
 * transports} from the response, or from the credential itself (py_webauthn's older form).
 */
final class CredentialJson {

  /** The parts of a registration response. */
  record Attestation(
      byte[] id,
      byte[] clientData,
      byte[] attestationObject,
      List<String> transports,
      Optional<JsonObject> extensions) {}

  /** The parts of an authentication response. */
  record Assertion(
      byte[] id,
      byte[] clientData,
      byte[] authenticatorData,
      byte[] signature,
      Optional<byte[]> userHandle,
      Optional<JsonObject> extensions) {}

  /** The JSON is not a credential of the expected shape; the message is safe to show. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private CredentialJson() {}

  static Attestation attestation(String json) throws Malformed {
    JsonObject credential = credential(json);
    JsonObject response = object(credential, "response");
    return new Attestation(
        id(credential),
        bytes(response, "clientDataJSON"),
        bytes(response, "attestationObject"),
        transports(present(response, "transports") ? response : credential),
        extensions(credential));
  }

  static Assertion assertion(String json) throws Malformed {
    JsonObject credential = credential(json);
    JsonObject response = object(credential, "response");
    Optional<byte[]> userHandle =
        present(response, "userHandle")
            ? Optional.of(bytes(response, "userHandle"))
            : Optional.empty();
    return new Assertion(
        id(credential),
        bytes(response, "clientDataJSON"),
        bytes(response, "authenticatorData"),
        bytes(response, "signature"),
        userHandle.filter(handle -> handle.length > 0),
        extensions(credential));
  }

  private static JsonObject credential(String json) throws Malformed {
    if (json == null || json.isBlank()) {
      throw new Malformed("no credential");
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Malformed("credential is not an object");
      }
      JsonObject credential = value.asJsonObject();
      if (present(credential, "type") && !"public-key".equals(text(credential, "type"))) {
        throw new Malformed("credential type is not public-key");
      }
      return credential;
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("credential is not JSON");
    }
  }

  /** The raw id; {@code id} must say the same when both are given (WebAuthn L3 §5.1). */
  private static byte[] id(JsonObject credential) throws Malformed {
    byte[] raw = bytes(credential, present(credential, "rawId") ? "rawId" : "id");
    if (present(credential, "id") && !java.util.Arrays.equals(raw, bytes(credential, "id"))) {
      throw new Malformed("id and rawId differ");
    }
    if (raw.length == 0) {
      throw new Malformed("empty credential id");
    }
    return raw;
  }

  private static List<String> transports(JsonObject response) throws Malformed {
    if (!present(response, "transports")) {
      return List.of();
    }
    if (response.get("transports").getValueType() != JsonValue.ValueType.ARRAY) {
      throw new Malformed("transports is not a list");
    }
    List<String> names = new ArrayList<>();
    for (JsonValue value : response.getJsonArray("transports")) {
      if (!(value instanceof JsonString name) || name.getString().length() > 32) {
        throw new Malformed("transports holds a non-name");
      }
      names.add(name.getString());
    }
    return List.copyOf(names);
  }

  private static Optional<JsonObject> extensions(JsonObject credential) throws Malformed {
    String key = present(credential, "clientExtensionResults") ? "clientExtensionResults" : null;
    if (key == null && present(credential, "extensions")) {
      key = "extensions";
    }
    if (key == null) {
      return Optional.empty();
    }
    JsonValue value = credential.get(key);
    if (value instanceof JsonString text) {
      value = parseObject(text.getString());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new Malformed(key + " is not an object");
    }
    return Optional.of(value.asJsonObject());
  }

  private static JsonValue parseObject(String text) throws Malformed {
    if (text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("extensions is not JSON");
    }
  }

  private static JsonObject object(JsonObject parent, String key) throws Malformed {
    if (!present(parent, key) || parent.get(key).getValueType() != JsonValue.ValueType.OBJECT) {
      throw new Malformed(key + " missing");
    }
    return parent.getJsonObject(key);
  }

  private static byte[] bytes(JsonObject parent, String key) throws Malformed {
    try {
      return Base64.getUrlDecoder().decode(stripPadding(text(parent, key)));
    } catch (IllegalArgumentException e) {
      throw new Malformed(key + " is not base64url");
    }
  }

  private static String text(JsonObject parent, String key) throws Malformed {
    if (!(parent.get(key) instanceof JsonString value)) {
      throw new Malformed(key + " missing");
    }
    return value.getString();
  }

  private static boolean present(JsonObject parent, String key) {
    return parent.containsKey(key) && parent.get(key).getValueType() != JsonValue.ValueType.NULL;
  }

  private static String stripPadding(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '=') {
      end--;
    }
    return text.substring(0, end);
  }
}
