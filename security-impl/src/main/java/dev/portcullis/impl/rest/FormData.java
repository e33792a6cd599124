package dev.portcullis.impl.rest;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a request, from a JSON object body or an url-encoded form, as Flask-Security's
 * {@code build_form_from_request} sees them. Values of the wrong JSON type are reported as field
 * errors, not server errors (the fix Flask-Security made in 5.9).
 */
public final class FormData {

  private final Map<String, JsonValue> fields;

  private FormData(Map<String, JsonValue> fields) {
    this.fields = fields;
  }

  /** No fields (a GET, or an empty body). */
  public static FormData empty() {
    return new FormData(Map.of());
  }

  /** Builds form data directly, e.g. from a Faces bean. */
  public static FormData of(Map<String, String> values) {
    Map<String, JsonValue> fields = new HashMap<>();
    values.forEach((k, v) -> fields.put(k, v == null ? JsonValue.NULL : Jsons.value(v)));
    return new FormData(fields);
  }

  /**
   * Reads and parses a request body of at most {@code maxBytes}.
   *
   * @return the data, or the message key of why the body is unacceptable
   */
  public static Parsed read(InputStream body, String contentType, int maxBytes) {
    byte[] bytes;
    try {
      bytes = readLimited(body, maxBytes);
    } catch (IOException e) {
      return new Parsed.Rejected(400, "API_ERROR");
    }
    if (bytes == null) {
      return new Parsed.Rejected(413, "REQUEST_TOO_LARGE");
    }
    if (bytes.length == 0) {
      return new Parsed.Accepted(empty());
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (WantJson.isJsonType(contentType)) {
      return parseJson(text);
    }
    if (contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return new Parsed.Accepted(parseUrlEncoded(text));
    }
    return new Parsed.Rejected(400, "API_ERROR");
  }

  /** The outcome of {@link #read}. */
  public sealed interface Parsed {
    /** The body parsed. */
    record Accepted(FormData data) implements Parsed {}

    /** The body is malformed, of an unsupported type, or too large. */
    record Rejected(int status, String messageKey) implements Parsed {

      /** The 4xx answer in the envelope. */
      public jakarta.ws.rs.core.Response toResponse(Messages messages) {
        return Envelope.of(status, Envelope.errors(java.util.List.of(messages.text(messageKey))));
      }
    }
  }

  /**
   * A text field: empty when absent or null, {@link FieldValue.WrongType} for numbers, lists,
   * objects and booleans.
   */
  public FieldValue<String> string(String name) {
    JsonValue value = fields.get(name);
    if (value == null || value == JsonValue.NULL) {
      return new FieldValue.Absent<>();
    }
    if (value instanceof JsonString s) {
      return new FieldValue.Present<>(s.getString());
    }
    return new FieldValue.WrongType<>("FIELD_NOT_A_STRING");
  }

  /**
   * A checkbox: JSON booleans, or the texts WTForms accepts ({@code false} and {@code ""} are
   * false).
   */
  public FieldValue<Boolean> bool(String name) {
    JsonValue value = fields.get(name);
    if (value == null || value == JsonValue.NULL) {
      return new FieldValue.Absent<>();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return new FieldValue.Present<>(value == JsonValue.TRUE);
    }
    if (value instanceof JsonString s) {
      String text = s.getString().trim().toLowerCase(Locale.ROOT);
      return new FieldValue.Present<>(!(text.isEmpty() || text.equals("false")));
    }
    return new FieldValue.WrongType<>("FIELD_NOT_A_BOOLEAN");
  }

  /**
   * A multi-valued field (Flask's list fields, e.g. {@code delete_method}): a JSON array of
   * strings, or one string; {@link FieldValue.WrongType} for anything else, also an array holding a
   * non-string.
   */
  public FieldValue<java.util.List<String>> strings(String name) {
    JsonValue value = fields.get(name);
    if (value == null || value == JsonValue.NULL) {
      return new FieldValue.Absent<>();
    }
    if (value instanceof JsonString s) {
      return new FieldValue.Present<>(java.util.List.of(s.getString()));
    }
    if (value instanceof jakarta.json.JsonArray array
        && array.stream().allMatch(JsonString.class::isInstance)) {
      return new FieldValue.Present<>(
          array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
    return new FieldValue.WrongType<>("FIELD_NOT_A_STRING");
  }

  /** The value of one field of a request. */
  public sealed interface FieldValue<T> {
    /** Not sent, or JSON null. */
    record Absent<T>() implements FieldValue<T> {}

    /** Sent with an acceptable type. */
    record Present<T>(T value) implements FieldValue<T> {}

    /** Sent with an unacceptable type; {@code messageKey} says why. */
    record WrongType<T>(String messageKey) implements FieldValue<T> {}

    /** The value if present. */
    default Optional<T> asOptional() {
      return this instanceof Present<T> p ? Optional.of(p.value()) : Optional.empty();
    }
  }

  private static Parsed parseJson(String text) {
    JsonValue value;
    try (var reader = Jsons.reader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException | IllegalStateException e) {
      return new Parsed.Rejected(400, "MALFORMED_JSON");
    } catch (RuntimeException e) {
      return new Parsed.Rejected(400, "MALFORMED_JSON");
    }
    if (!(value instanceof JsonObject object)) {
      return new Parsed.Rejected(400, "API_ERROR");
    }
    return new Parsed.Accepted(new FormData(Map.copyOf(object)));
  }

  private static FormData parseUrlEncoded(String text) {
    Map<String, JsonValue> fields = new HashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      try {
        String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        fields.putIfAbsent(key, Jsons.value(value));
      } catch (IllegalArgumentException e) {
        // A malformed %-escape: skip the pair, as a lenient form parser does.
      }
    }
    return new FormData(fields);
  }

  /** Reads at most {@code maxBytes}; {@code null} when the body is longer. */
  private static byte[] readLimited(InputStream in, int maxBytes) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
