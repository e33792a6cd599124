package dev.portcullis.impl.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One JSON object of the document while it becomes model objects: typed reads of its members, and
 * {@link #done()} to insist that every member was read. Why so strict: a key the builder does not
 * know would otherwise vanish from the served description without anyone noticing; this way the
 * unit test that builds the shipped document fails instead.
 */
final class Node {

  private final JsonObject json;
  private final String at;
  private final Set<String> read = new HashSet<>();

  Node(JsonObject json, String at) {
    this.json = json;
    this.at = at;
  }

  /** Where this object is in the document, as a JSON pointer. */
  String at() {
    return at;
  }

  boolean has(String name) {
    return json.containsKey(name);
  }

  /** The names of the members, in document order. */
  List<String> names() {
    return List.copyOf(json.keySet());
  }

  boolean isObject(String name) {
    return json.get(name) instanceof JsonObject;
  }

  Optional<String> string(String name) {
    return member(name).map(value -> as(JsonString.class, name, value).getString());
  }

  Optional<Boolean> bool(String name) {
    return member(name)
        .map(
            value -> {
              if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw unexpected(name, "a boolean");
              }
              return value == JsonValue.TRUE;
            });
  }

  Optional<BigDecimal> number(String name) {
    return member(name).map(value -> as(JsonNumber.class, name, value).bigDecimalValue());
  }

  Optional<Integer> integer(String name) {
    return member(name).map(value -> as(JsonNumber.class, name, value).intValueExact());
  }

  /** Any JSON value as plain Java: String, Boolean, BigDecimal, List, Map or null. */
  Optional<Object> plain(String name) {
    return member(name).map(Node::plain);
  }

  /** An array of any values, as plain Java values. */
  Optional<List<Object>> values(String name) {
    return member(name)
        .map(value -> as(JsonArray.class, name, value).stream().map(Node::plain).toList());
  }

  Optional<Node> object(String name) {
    return member(name).map(value -> new Node(as(JsonObject.class, name, value), at(name)));
  }

  /** An array of objects. */
  List<Node> objects(String name) {
    List<Node> nodes = new ArrayList<>();
    JsonArray array = member(name).map(value -> as(JsonArray.class, name, value)).orElse(null);
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        nodes.add(new Node(as(JsonObject.class, name, array.get(i)), at(name) + "/" + i));
      }
    }
    return nodes;
  }

  /** An array of strings. */
  Optional<List<String>> strings(String name) {
    return member(name)
        .map(
            value ->
                as(JsonArray.class, name, value).stream()
                    .map(item -> as(JsonString.class, name, item).getString())
                    .toList());
  }

  /** An object whose members are all objects, by name, in document order. */
  Map<String, Node> members(String name) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    object(name).ifPresent(object -> nodes.putAll(object.allMembers()));
    return nodes;
  }

  /** Every member of this object that is not an extension, as a node. */
  Map<String, Node> allMembers() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    json.forEach(
        (name, value) -> {
          if (!name.startsWith("x-")) {
            read.add(name);
            nodes.put(name, new Node(as(JsonObject.class, name, value), at(name)));
          }
        });
    return nodes;
  }

  /** The {@code x-} members, as plain Java values. */
  Map<String, Object> extensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    json.forEach(
        (name, value) -> {
          if (name.startsWith("x-")) {
            read.add(name);
            extensions.put(name, plain(value));
          }
        });
    return extensions;
  }

  /**
   * Hands a {@code $ref} to {@code setRef} when this object is a reference. OpenAPI 3.0 ignores the
   * siblings of {@code $ref}, so a sibling is a mistake in the document and fails.
   *
   * @return whether this object is a reference (and so complete)
   */
  boolean reference(Consumer<String> setRef) {
    if (!has("$ref")) {
      return false;
    }
    setRef.accept(string("$ref").orElseThrow());
    done();
    return true;
  }

  /** Hands the {@code x-} members to {@code addExtension}, then {@link #done()}. */
  void finish(BiConsumer<String, Object> addExtension) {
    extensions().forEach(addExtension);
    done();
  }

  /**
   * Fails unless every member was read.
   *
   * @throws IllegalArgumentException naming the members nobody read
   */
  void done() {
    Set<String> unread = new TreeSet<>(json.keySet());
    unread.removeAll(read);
    if (!unread.isEmpty()) {
      throw new IllegalArgumentException("Unsupported OpenAPI keys " + unread + " at " + at);
    }
  }

  private Optional<JsonValue> member(String name) {
    read.add(name);
    return Optional.ofNullable(json.get(name));
  }

  private <T extends JsonValue> T as(Class<T> type, String name, JsonValue value) {
    if (!type.isInstance(value)) {
      throw unexpected(name, type.getSimpleName());
    }
    return type.cast(value);
  }

  private IllegalArgumentException unexpected(String name, String expected) {
    return new IllegalArgumentException(at(name) + " must be " + expected);
  }

  private String at(String name) {
    return at + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY -> value.asJsonArray().stream().map(Node::plain).toList();
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
        yield map;
      }
    };
  }
}
