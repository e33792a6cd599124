package dev.portcullis.impl.openapi;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Applies the document's {@code x-portcullis-when} extensions: an element (path item, operation,
 * property, tag, ...) whose condition is off is dropped (several conditions joined by {@code |}
 * hold when any does), and the extension is removed from the elements that stay. A schema property
 * that is dropped also leaves its schema's {@code required} list. A schema property marked {@code
 * x-portcullis-required-when} stays, but is listed in its schema's {@code required} only when that
 * condition is on (a field a setting makes optional).
 *
 * <p>Why conditions in the document rather than code that knows paths: a feature marks its own
 * paths, fields and tags where they are written, so adding a feature means editing the document
 * only.
 */
final class Conditions {

  static final String KEY = "x-portcullis-when";
  static final String REQUIRED_KEY = "x-portcullis-required-when";

  private final Map<String, Boolean> values;

  Conditions(Map<String, Boolean> values) {
    this.values = values;
  }

  /**
   * The value without the elements whose condition is off.
   *
   * @throws IllegalArgumentException for a condition that is not known
   */
  JsonValue apply(JsonValue value) {
    if (value instanceof JsonObject object) {
      return object(object);
    }
    if (value instanceof JsonArray array) {
      return array(array);
    }
    return value;
  }

  private JsonObject object(JsonObject object) {
    JsonObjectBuilder kept = Jsons.object();
    object.forEach(
        (name, member) -> {
          if (!name.equals(KEY) && !name.equals(REQUIRED_KEY) && holds(member)) {
            kept.add(name, apply(member));
          }
        });
    return withoutDroppedRequired(kept.build(), object);
  }

  private JsonArray array(JsonArray array) {
    JsonArrayBuilder kept = Jsons.array();
    array.stream().filter(this::holds).map(this::apply).forEach(kept::add);
    return kept.build();
  }

  /** Whether an element stays: it names no condition, or one that is on. */
  private boolean holds(JsonValue element) {
    return holds(element, KEY);
  }

  /** Whether an element names no condition under {@code key}, or one that is on. */
  private boolean holds(JsonValue element, String key) {
    if (!(element instanceof JsonObject object) || !object.containsKey(key)) {
      return true;
    }
    String conditions = ((JsonString) object.get(key)).getString();
    boolean any = false;
    for (String condition : conditions.split("\\|")) {
      Boolean value = values.get(condition);
      if (value == null) {
        throw new IllegalArgumentException(
            "Unknown " + KEY + " condition '" + condition + "'; known: " + values.keySet());
      }
      any |= value;
    }
    return any;
  }

  /**
   * A schema's {@code required} names only properties it still has and whose {@code
   * x-portcullis-required-when} (read in the {@code original} schema) is on, and is left out when
   * that is none (OpenAPI 3.0 forbids an empty list).
   */
  private JsonObject withoutDroppedRequired(JsonObject schema, JsonObject original) {
    if (!(schema.get("required") instanceof JsonArray required)
        || !(schema.get("properties") instanceof JsonObject properties)) {
      return schema;
    }
    JsonObject originalProperties = original.getJsonObject("properties");
    JsonArrayBuilder names = Jsons.array();
    required.stream()
        .map(name -> ((JsonString) name).getString())
        .filter(properties::containsKey)
        .filter(name -> holds(originalProperties.get(name), REQUIRED_KEY))
        .forEach(names::add);
    JsonArray kept = names.build();
    return kept.isEmpty()
        ? Jsons.object(schema).remove("required").build()
        : Jsons.object(schema).add("required", kept).build();
  }
}
