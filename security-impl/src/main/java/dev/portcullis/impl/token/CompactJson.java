package dev.portcullis.impl.token;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON text itsdangerous signs: Python's {@code json.dumps(obj, separators=(",", ":"),
 * ensure_ascii=False)} as UTF-8 bytes. Writing is done here rather than by a JSON-P generator so
 * the bytes (and so our signatures) do not depend on the provider's escaping. Integers and strings
 * are byte-identical to Python's; non-integral numbers are written as JSON-P renders them (Python
 * would print its float repr), which never affects verifying a token, only re-signing one.
 */
final class CompactJson {

  /** Nesting limit checked before parsing; Flask-Security payloads nest at most 3 levels. */
  static final int MAX_DEPTH = 64;

  private CompactJson() {}

  static byte[] write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses strict UTF-8 JSON text of any type; empty if malformed or nested too deep. */
  static Optional<JsonValue> read(byte[] utf8) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
      if (depth(text) > MAX_DEPTH) {
        return Optional.empty();
      }
      try (JsonParser parser = Parsers.FACTORY.createParser(new StringReader(text))) {
        parser.next();
        JsonValue value = parser.getValue();
        // Python's json.loads rejects anything after the value ("Extra data"); so do we.
        return parser.hasNext() ? Optional.empty() : Optional.of(value);
      }
    } catch (CharacterCodingException | RuntimeException e) {
      // Any parse failure (JsonException, NumberFormatException, ...) is just bad input.
      return Optional.empty();
    }
  }

  private static void append(StringBuilder out, JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT -> appendObject(out, (JsonObject) value);
      case ARRAY -> appendArray(out, (JsonArray) value);
      case STRING -> appendString(out, ((JsonString) value).getString());
      default -> out.append(value); // numbers, true, false, null
    }
  }

  private static void appendObject(StringBuilder out, JsonObject object) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      out.append(first ? "" : ",");
      appendString(out, entry.getKey());
      out.append(':');
      append(out, entry.getValue());
      first = false;
    }
    out.append('}');
  }

  private static void appendArray(StringBuilder out, JsonArray array) {
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      out.append(i == 0 ? "" : ",");
      append(out, array.get(i));
    }
    out.append(']');
  }

  /** Python's {@code py_encode_basestring}: only '"', '\\' and C0 controls are escaped. */
  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Maximum bracket nesting outside strings, so no parser ever recurses deeply on our input. */
  static int depth(String text) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return max;
  }

  /** Looks the JSON-P provider up once, on first use (the server supplies it at runtime). */
  private static final class Parsers {
    static final JsonParserFactory FACTORY = Json.createParserFactory(Map.of());
  }
}
