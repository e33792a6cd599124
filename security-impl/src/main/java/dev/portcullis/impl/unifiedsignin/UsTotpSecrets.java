package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code us_totp_secrets} column (spec §4.1): a JSON object mapping each set-up method to its
 * TOTP secret, itself a JSON string (passlib's format, spec §5.6) — JSON holding JSON. Written as
 * Flask-Security's {@code json.dumps} writes it ({@code {"email": "...", "sms": "..."}}), so either
 * side reads what the other wrote; {@code null} when no method is set up.
 */
final class UsTotpSecrets {

  private UsTotpSecrets() {}

  /**
   * The secrets by method, in stored order; empty for {@code null}, blank or unreadable text (a
   * column that cannot be read gives no way in, rather than an error on every sign-in).
   */
  static Map<String, String> read(String column) {
    Map<String, String> secrets = new LinkedHashMap<>();
    if (column == null || column.isBlank()) {
      return secrets;
    }
    try (var reader = Jsons.reader(new StringReader(column))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        object.forEach(
            (method, secret) -> {
              if (secret instanceof JsonString text) {
                secrets.put(method, text.getString());
              }
            });
      }
    } catch (JsonException e) {
      return new LinkedHashMap<>();
    }
    return secrets;
  }

  /** The column value: Python's {@code json.dumps(secrets)}, or {@code null} when empty. */
  static String write(Map<String, String> secrets) {
    if (secrets.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("{");
    secrets.forEach(
        (method, secret) -> {
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(quoted(method)).append(": ").append(quoted(secret));
        });
    return out.append('}').toString();
  }

  /** A JSON string literal with non-ASCII escaped, as Python's {@code ensure_ascii}. */
  private static String quoted(String text) {
    String json = Jsons.value(text).toString();
    StringBuilder out = new StringBuilder(json.length());
    json.chars()
        .forEach(
            c -> {
              if (c > 0x7e) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
