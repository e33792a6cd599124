package dev.portcullis.impl.openapi;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Turns an OpenAPI 3.0 Schema Object of the document into the MicroProfile OpenAPI 3.1 model. Every
 * keyword of OpenAPI 3.0 schemas is supported except {@code discriminator}, {@code xml} and {@code
 * externalDocs}; anything else fails ({@link Node#done()}).
 */
final class SchemaBuilder {

  private SchemaBuilder() {}

  static Schema schema(Node node) {
    Schema schema = OASFactory.createSchema();
    if (node.reference(schema::setRef)) {
      return schema;
    }
    node.string("type").map(SchemaBuilder::type).ifPresent(schema::setType);
    texts(node, schema);
    structure(node, schema);
    limits(node, schema);
    node.finish(schema::addExtension);
    return schema;
  }

  private static Schema.SchemaType type(String type) {
    return Schema.SchemaType.valueOf(type.toUpperCase(Locale.ROOT));
  }

  private static void texts(Node node, Schema schema) {
    node.string("title").ifPresent(schema::setTitle);
    node.string("description").ifPresent(schema::setDescription);
    node.string("format").ifPresent(schema::setFormat);
    node.string("pattern").ifPresent(schema::setPattern);
    node.bool("nullable").ifPresent(schema::setNullable);
    node.bool("readOnly").ifPresent(schema::setReadOnly);
    node.bool("writeOnly").ifPresent(schema::setWriteOnly);
    node.bool("deprecated").ifPresent(schema::setDeprecated);
    node.plain("example").ifPresent(schema::setExample);
    node.plain("default").ifPresent(schema::setDefaultValue);
    node.values("enum").ifPresent(schema::setEnumeration);
  }

  private static void structure(Node node, Schema schema) {
    node.members("properties")
        .forEach((name, property) -> schema.addProperty(name, schema(property)));
    node.strings("required").ifPresent(schema::setRequired);
    node.object("items").map(SchemaBuilder::schema).ifPresent(schema::setItems);
    node.object("not").map(SchemaBuilder::schema).ifPresent(schema::setNot);
    if (node.has("additionalProperties")) {
      additionalProperties(node, schema);
    }
    each(node.objects("allOf"), schema::addAllOf);
    each(node.objects("anyOf"), schema::addAnyOf);
    each(node.objects("oneOf"), schema::addOneOf);
  }

  /** {@code true}, {@code false} or a schema for the values of unnamed properties. */
  private static void additionalProperties(Node node, Schema schema) {
    if (node.isObject("additionalProperties")) {
      node.object("additionalProperties")
          .map(SchemaBuilder::schema)
          .ifPresent(schema::setAdditionalPropertiesSchema);
    } else {
      node.bool("additionalProperties").ifPresent(schema::setAdditionalPropertiesBoolean);
    }
  }

  private static void limits(Node node, Schema schema) {
    node.number("minimum").ifPresent(schema::setMinimum);
    node.number("maximum").ifPresent(schema::setMaximum);
    node.bool("exclusiveMinimum").ifPresent(schema::setExclusiveMinimum);
    node.bool("exclusiveMaximum").ifPresent(schema::setExclusiveMaximum);
    node.number("multipleOf").ifPresent(schema::setMultipleOf);
    node.integer("minLength").ifPresent(schema::setMinLength);
    node.integer("maxLength").ifPresent(schema::setMaxLength);
    node.integer("minItems").ifPresent(schema::setMinItems);
    node.integer("maxItems").ifPresent(schema::setMaxItems);
    node.bool("uniqueItems").ifPresent(schema::setUniqueItems);
    node.integer("minProperties").ifPresent(schema::setMinProperties);
    node.integer("maxProperties").ifPresent(schema::setMaxProperties);
  }

  private static void each(List<Node> nodes, Consumer<Schema> add) {
    nodes.forEach(node -> add.accept(schema(node)));
  }
}
