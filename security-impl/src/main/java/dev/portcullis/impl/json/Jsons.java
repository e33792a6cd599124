package dev.portcullis.impl.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;

/**
 * JSON-P through one provider looked up once. Every {@code jakarta.json.Json.createXxx()} call
 * looks the provider up again through the service loader, which on an application server scans the
 * class path: measured at about a third of the CPU of a token-authenticated request.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  /** A new object builder. */
  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  /** A new object builder starting from {@code object}. */
  public static JsonObjectBuilder object(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  /** A new array builder. */
  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  /** A JSON string. */
  public static JsonString value(String text) {
    return PROVIDER.createValue(text);
  }

  /** A reader over {@code reader}. */
  public static JsonReader reader(Reader reader) {
    return PROVIDER.createReader(reader);
  }
}
